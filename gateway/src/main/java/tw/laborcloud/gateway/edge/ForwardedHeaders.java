package tw.laborcloud.gateway.edge;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the forwarded headers of every routed request from the connection (see
 * {@link ClientAddresses}), last of the header filters, so that the services' audit trails and
 * access logs name the person's address and not the gateway's, and a browser cannot name one.
 */
@Component
class ForwardedHeaders implements HttpHeadersFilter, Ordered {

    private final ClientAddresses addresses;

    ForwardedHeaders(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders out = new HttpHeaders();
        out.addAll(input);
        addresses.writeForwarded(out, exchange.getRequest());
        return out;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
