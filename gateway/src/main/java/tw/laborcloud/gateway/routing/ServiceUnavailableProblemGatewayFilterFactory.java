package tw.laborcloud.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import tw.laborcloud.gateway.edge.EdgeProblems;
import reactor.core.publisher.Mono;

/**
 * {@code ServiceUnavailableProblem}: when no instance of a route's service answers (connection
 * refused or lost on every attempt, no healthy instance left, or its circuit breaker open), the
 * caller gets 503 with {@code Retry-After} and a small problem-details body in Traditional Chinese
 * that names the service, instead of the bare English 500 of the default error handler. It wraps
 * the breaker (it comes before it among the filters) and sits inside the token relay, so that a
 * Keycloak outage during a token refresh is not reported as a service outage.
 */
@Component
class ServiceUnavailableProblemGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    static final String TITLE = "服務暫時無法使用";
    static final String CODE = "SERVICE_UNAVAILABLE";

    /** What a union clerk calls each service; keyed by the host of the route's lb:// URI. */
    static final Map<String, String> SERVICE_NAMES = Map.of(
            "registration", "帳號註冊服務",
            "document", "文件服務",
            "review", "審查服務",
            "notification", "通知服務",
            "union-affairs", "工會會務服務",
            "ops-console", "系統維運服務");

    private final EdgeProblems problems;
    private final String retryAfterSeconds;

    ServiceUnavailableProblemGatewayFilterFactory(EdgeProblems problems,
            @Value("${laborcloud.unavailable.retry-after:10s}") Duration retryAfter) {
        super(Object.class);
        this.problems = problems;
        this.retryAfterSeconds = Long.toString(Math.max(1, retryAfter.toSeconds()));
    }

    @Override
    public GatewayFilter apply(Object config) {
        return (exchange, chain) -> chain.filter(exchange)
                .onErrorResume(error -> unreachable(error) && !exchange.getResponse().isCommitted(),
                        error -> problem(exchange));
    }

    /** The service could not be reached at all; anything else keeps its own error handling. */
    static boolean unreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof CallNotPermittedException
                    || t instanceof ServiceUnavailableException
                    || t instanceof ResponseStatusException status
                            && status.getStatusCode().value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
                return true;
            }
        }
        return false;
    }

    private Mono<Void> problem(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        String service = route == null ? "" : String.valueOf(route.getUri().getHost());
        String name = SERVICE_NAMES.getOrDefault(service, "此服務");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, TITLE, name + "暫時無法使用，請稍後再試。", CODE,
                Map.of("service", service), headers);
    }
}
