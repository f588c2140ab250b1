package tw.laborcloud.gateway.edge;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Per client address, how often the anonymous, costly doors of the portal may be used: captchas,
 * registrations, uploads (their count and their bytes), status look-ups, address confirmations and
 * supplements. The counts live in token buckets shared by every gateway instance
 * ({@link MongoBuckets}), so two instances do not double a limit. Over a limit: 429 with
 * {@code Retry-After} and a Chinese problem detail, counted in {@code laborcloud.gateway.rate.limited}.
 * When the store cannot be reached the request goes through (counted in
 * {@code laborcloud.gateway.rate.unchecked}): the limits protect the services, they are not the
 * only thing between a request and its validation.
 */
class RateLimits implements WebFilter, Ordered {

    static final String CODE = "RATE_LIMITED";
    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    private record CompiledRule(RateLimitRules.Rule rule, PathPattern pattern, BucketConfiguration bucket) {
    }

    private record Exceeded(RateLimitRules.Rule rule, long waitSeconds) {
    }

    private final List<CompiledRule> rules;
    private final List<CidrRange> exempt;
    private final ProxyManager<String> buckets;
    private final ClientAddresses addresses;
    private final EdgeProblems problems;
    private final MeterRegistry meters;

    RateLimits(RateLimitRules config, ProxyManager<String> buckets, ClientAddresses addresses, EdgeProblems problems,
            MeterRegistry meters) {
        this.rules = config.rules().stream().map(r -> new CompiledRule(r, r.pattern(), BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(r.capacity()).refillGreedy(r.capacity(), r.period()))
                .build())).toList();
        this.exempt = config.exemptAddresses().stream().map(CidrRange::parse).toList();
        this.buckets = buckets;
        this.addresses = addresses;
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        List<CompiledRule> matching = matching(request);
        if (matching.isEmpty()) {
            return chain.filter(exchange);
        }
        String client = addresses.client(request);
        if (exempt.stream().anyMatch(range -> range.contains(client))) {
            return chain.filter(exchange);
        }
        long bytes = Math.max(0, request.getHeaders().getContentLength());
        // either the 429 or the rest of the chain, never both: tooMany completes empty, so an empty-means-allowed
        // switch after it would also route the refused request to the service
        return Mono.fromCallable(() -> Optional.ofNullable(consume(matching, client, bytes)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(exceeded -> exceeded.isPresent() ? tooMany(exchange, exceeded.get()) : chain.filter(exchange));
    }

    private List<CompiledRule> matching(ServerHttpRequest request) {
        List<CompiledRule> out = new ArrayList<>();
        Set<RateLimitRules.Unit> taken = EnumSet.noneOf(RateLimitRules.Unit.class);
        for (CompiledRule r : rules) {
            if (!taken.contains(r.rule().unit()) && r.rule().method().equals(request.getMethod())
                    && r.pattern().matches(request.getPath().pathWithinApplication())) {
                out.add(r);
                taken.add(r.rule().unit());
            }
        }
        return out;
    }

    /** Takes from each matching bucket; the first one that is empty decides (null: all had enough). */
    private Exceeded consume(List<CompiledRule> matching, String client, long bytes) {
        for (CompiledRule r : matching) {
            long cost = r.rule().unit() == RateLimitRules.Unit.BYTES ? Math.max(1, bytes) : 1;
            ConsumptionProbe probe;
            try {
                probe = buckets.builder().build(r.rule().name() + ":" + client, () -> r.bucket())
                        .tryConsumeAndReturnRemaining(cost);
            } catch (RuntimeException storeAway) {
                meters.counter("laborcloud.gateway.rate.unchecked", "rule", r.rule().name()).increment();
                log.warn("rate limit {} not checked for {}: {}", r.rule().name(), client, storeAway.toString());
                continue;
            }
            if (!probe.isConsumed()) {
                meters.counter("laborcloud.gateway.rate.limited", "rule", r.rule().name()).increment();
                long nanos = cost > r.rule().capacity() ? r.rule().period().toNanos() : probe.getNanosToWaitForRefill();
                return new Exceeded(r.rule(), Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
            }
        }
        return null;
    }

    private Mono<Void> tooMany(ServerWebExchange exchange, Exceeded exceeded) {
        long minutes = Math.max(1, (exceeded.waitSeconds() + 59) / 60);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(exceeded.waitSeconds()));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "請求過於頻繁",
                "您在短時間內" + exceeded.rule().label() + "的次數已達上限，請於 " + minutes + " 分鐘後再試。", CODE,
                Map.of("limit", exceeded.rule().name(), "retryAfterSeconds", exceeded.waitSeconds()), headers);
    }

    /** After the body limits, before security and routing. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
