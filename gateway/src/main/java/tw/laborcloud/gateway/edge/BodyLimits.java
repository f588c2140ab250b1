package tw.laborcloud.gateway.edge;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The largest body the edge lets through: to the paths that take files ({@code laborcloud.limits.file-paths}: the
 * document service's uploads, a supervisor's register import with its seal images and a seal's replacement) up to
 * {@code laborcloud.limits.upload-body} (10 MB of file plus the multipart overhead), everything
 * else up to {@code laborcloud.limits.json-body} (a form is a few KB). A declared length over the
 * limit is refused before a byte is read; a body without one (chunked) is counted as it streams
 * through and cut off at the limit. The answer is a small 413 in Chinese, whatever was sent.
 * The services check the same limits again (a request may reach them another way).
 */
@Component
class BodyLimits implements WebFilter, Ordered {

    static final String CODE = "REQUEST_TOO_LARGE";

    private final EdgeProblems problems;
    private final long jsonLimit;
    private final long uploadLimit;
    private final List<PathPattern> filePaths;

    BodyLimits(EdgeProblems problems,
            @Value("${laborcloud.limits.json-body:256KB}") DataSize jsonLimit,
            @Value("${laborcloud.limits.upload-body:10304KB}") DataSize uploadLimit,
            @Value("${laborcloud.limits.file-paths:/api/documents/**}") List<String> filePaths) {
        this.problems = problems;
        this.jsonLimit = jsonLimit.toBytes();
        this.uploadLimit = uploadLimit.toBytes();
        this.filePaths = filePaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        PathContainer path = request.getPath().pathWithinApplication();
        boolean upload = filePaths.stream().anyMatch(p -> p.matches(path));
        long limit = upload ? uploadLimit : jsonLimit;
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return tooLarge(exchange, upload, limit);
        }
        AtomicLong seen = new AtomicLong();
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().map(buffer -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                        throw new BodyTooLarge();
                    }
                    return buffer;
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build())
                .onErrorResume(BodyLimits::causedByTooLarge, e -> tooLarge(exchange, upload, limit));
    }

    private static boolean causedByTooLarge(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLarge) {
                return true;
            }
        }
        return false;
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange, boolean upload, long limit) {
        String what = upload ? "上傳的檔案" : "送出的資料";
        String detail = what + "超過 " + human(limit) + " 的上限，請縮小後再送出。";
        return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "資料過大", detail, CODE,
                Map.of("limitBytes", limit), HttpHeaders.EMPTY);
    }

    static String human(long bytes) {
        return bytes >= 1024 * 1024 ? Math.round(bytes / (1024.0 * 1024.0)) + " MB" : Math.round(bytes / 1024.0) + " KB";
    }

    /** Before the routing and the security filters: nothing reads a body that is too large. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge() {
            super("request body over the limit", null, false, false);
        }
    }
}
