package tw.laborcloud.gateway.routing;

import java.util.Set;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * {@code ReadRetry}: the gateway's Retry filter for reads only. A GET or HEAD that cannot connect
 * (or loses its connection) or is answered with one of the configured statuses (502/503 in
 * application.yml) is sent again, each time to the instance LoadBalancer picks next. It refuses to be
 * configured for POST, PUT, PATCH or DELETE: an upload or a submission must not arrive twice.
 * <p>
 * The stock {@code Retry} buffers the whole request body of every request on its route so that it
 * could resend it, 10 MB uploads included, whatever its methods. Reads have no body, so this one
 * leaves bodies streaming through.
 */
@Component
class ReadRetryGatewayFilterFactory extends RetryGatewayFilterFactory {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    @Override
    public GatewayFilter apply(RetryConfig config) {
        if (!READS.containsAll(config.getMethods())) {
            throw new IllegalArgumentException("ReadRetry retries GET and HEAD only, not " + config.getMethods());
        }
        return super.apply(config);
    }

    @Override
    protected void enableBodyCaching(String routeId) {
        // reads carry no body to keep for a second attempt
    }
}
