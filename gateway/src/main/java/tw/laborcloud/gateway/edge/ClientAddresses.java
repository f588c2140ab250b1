package tw.laborcloud.gateway.edge;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Who is on the other end of a request, as far as this gateway can know it. The connection's
 * peer is a fact; an {@code X-Forwarded-For} header is only a claim, believed only when the peer
 * is one of our own proxies ({@code laborcloud.gateway.trusted-proxies}: addresses or CIDR ranges
 * of a load balancer in front; none by default, so that a browser's header is never believed).
 * The client is then the rightmost address of the chain that is not one of our proxies.
 */
@Component
public class ClientAddresses {

    private final List<CidrRange> trustedProxies;

    ClientAddresses(@Value("${laborcloud.gateway.trusted-proxies:}") String trustedProxies) {
        this.trustedProxies = Arrays.stream(trustedProxies.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(CidrRange::parse).toList();
    }

    /** The chain this gateway passes on: the believed part of the incoming one, then the peer. */
    public List<String> forwardedChain(ServerHttpRequest request) {
        String peer = peer(request);
        List<String> chain = new ArrayList<>();
        if (peer != null && trusted(peer)) {
            String incoming = request.getHeaders().getFirst("X-Forwarded-For");
            if (incoming != null) {
                for (String hop : incoming.split(",")) {
                    if (!hop.isBlank()) {
                        chain.add(hop.strip());
                    }
                }
            }
        }
        if (peer != null) {
            chain.add(peer);
        }
        return chain;
    }

    /** The client's address: the rightmost hop that is not one of our proxies (or the peer). */
    public String client(ServerHttpRequest request) {
        List<String> chain = forwardedChain(request);
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (!trusted(chain.get(i)) || i == 0) {
                return chain.get(i);
            }
        }
        return "unknown";
    }

    private boolean trusted(String address) {
        return trustedProxies.stream().anyMatch(proxy -> proxy.contains(address));
    }

    private static String peer(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
    }

    /** The forwarded headers a service receives: the chain, never what a client claimed on its own. */
    void writeForwarded(HttpHeaders headers, ServerHttpRequest request) {
        headers.remove("Forwarded");
        headers.remove("X-Forwarded-Host");
        headers.remove("X-Forwarded-Port");
        headers.remove("X-Forwarded-Prefix");
        headers.remove("X-Real-IP");
        List<String> chain = forwardedChain(request);
        if (chain.isEmpty()) {
            headers.remove("X-Forwarded-For");
        } else {
            headers.set("X-Forwarded-For", String.join(", ", chain));
        }
        headers.set("X-Forwarded-Proto", request.getURI().getScheme() == null ? "http" : request.getURI().getScheme());
    }
}
