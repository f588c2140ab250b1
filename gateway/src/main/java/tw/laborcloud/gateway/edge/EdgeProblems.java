package tw.laborcloud.gateway.edge;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The answers the gateway gives itself, never a service's: RFC 9457 problem details in Traditional
 * Chinese, small (a few hundred bytes, whatever the request), not cached, with the request's
 * correlation id. One place for the 413, 429 and 503 of the edge.
 */
@Component
public class EdgeProblems {

    private final ServerResponse.Context writers;

    EdgeProblems(ServerCodecConfigurer codecs) {
        List<HttpMessageWriter<?>> messageWriters = codecs.getWriters();
        this.writers = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return messageWriters;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    /**
     * Writes the problem unless the response has begun (then the connection simply ends).
     *
     * @param headers extra response headers (e.g. Retry-After), may be empty
     */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail, String code,
            Map<String, Object> properties, HttpHeaders headers) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.empty();
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        problem.setProperty("code", code);
        properties.forEach(problem::setProperty);
        String correlationId = exchange.getRequest().getHeaders().getFirst("X-Correlation-Id");
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return ServerResponse.status(status)
                .headers(h -> h.addAll(headers))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, writers));
    }
}
