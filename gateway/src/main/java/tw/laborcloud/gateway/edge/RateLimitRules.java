package tw.laborcloud.gateway.edge;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The limits per client address ({@code laborcloud.rate-limits}, in application.yml): each rule a
 * method and a path, and how many requests (or bytes) one address may send in a period. Rules are
 * read in order; for each unit, the first rule that matches a request counts it.
 *
 * @param enabled false turns every limit off (never in production)
 * @param bucketsExpireAfter how long an idle address's bucket is kept (at least the longest period)
 * @param exemptAddresses addresses or CIDR ranges never limited: a load test's or a test suite's own machine,
 *                        never in production
 */
@ConfigurationProperties("laborcloud.rate-limits")
record RateLimitRules(boolean enabled, Duration bucketsExpireAfter, List<String> exemptAddresses, List<Rule> rules) {

    RateLimitRules {
        rules = rules == null ? List.of() : List.copyOf(rules);
        exemptAddresses = exemptAddresses == null ? List.of() : List.copyOf(exemptAddresses);
        bucketsExpireAfter = bucketsExpireAfter == null ? Duration.ofHours(2) : bucketsExpireAfter;
    }

    enum Unit { REQUESTS, BYTES }

    /**
     * @param label what the person did too often, in words for the answer (e.g. 上傳檔案)
     */
    record Rule(String name, HttpMethod method, String path, long capacity, Duration period, Unit unit, String label) {

        Rule {
            unit = unit == null ? Unit.REQUESTS : unit;
            if (capacity < 1 || period == null || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("rate limit " + name + ": capacity and period must be positive");
            }
        }

        PathPattern pattern() {
            return PathPatternParser.defaultInstance.parse(path);
        }
    }
}
