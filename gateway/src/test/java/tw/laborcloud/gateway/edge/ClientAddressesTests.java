package tw.laborcloud.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/** Which forwarding claims the gateway believes: only those of its own load balancer. */
class ClientAddressesTests {

    @Test
    void withoutTrustedProxiesTheChainIsTheConnectionsPeerAlone() {
        ClientAddresses addresses = new ClientAddresses("");
        MockServerHttpRequest request = from("198.51.100.7", "203.0.113.1, 10.0.0.1");
        assertThat(addresses.forwardedChain(request)).containsExactly("198.51.100.7");
        assertThat(addresses.client(request)).isEqualTo("198.51.100.7");
    }

    @Test
    void behindATrustedLoadBalancerTheClientIsTheRightmostAddressNotOurs() {
        ClientAddresses addresses = new ClientAddresses("10.0.0.0/8, fd00::/8");
        MockServerHttpRequest request = from("10.1.2.3", "6.6.6.6, 198.51.100.7");
        assertThat(addresses.forwardedChain(request)).containsExactly("6.6.6.6", "198.51.100.7", "10.1.2.3");
        assertThat(addresses.client(request)).isEqualTo("198.51.100.7");

        HttpHeaders out = new HttpHeaders();
        out.set("Forwarded", "for=1.1.1.1");
        addresses.writeForwarded(out, request);
        assertThat(out.getFirst("X-Forwarded-For")).isEqualTo("6.6.6.6, 198.51.100.7, 10.1.2.3");
        assertThat(out.containsHeader("Forwarded")).isFalse();
    }

    @Test
    void rangesMatchByPrefixAndNamesAreNeverLookedUp() {
        assertThat(CidrRange.parse("10.0.0.0/8").contains("10.200.1.1")).isTrue();
        assertThat(CidrRange.parse("10.0.0.0/8").contains("11.0.0.1")).isFalse();
        assertThat(CidrRange.parse("192.168.1.0/25").contains("192.168.1.127")).isTrue();
        assertThat(CidrRange.parse("192.168.1.0/25").contains("192.168.1.128")).isFalse();
        assertThat(CidrRange.parse("fd00::/8").contains("fd12::1")).isTrue();
        assertThat(CidrRange.parse("127.0.0.1").contains("localhost")).isFalse();
    }

    private static MockServerHttpRequest from(String peer, String forwardedFor) {
        return MockServerHttpRequest.get("/api/x").remoteAddress(new InetSocketAddress(peer, 40000))
                .header("X-Forwarded-For", forwardedFor).build();
    }
}
