package tw.laborcloud.ops.config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the console watches and how often.
 *
 * @param consumerGroup      the console's own consumer group (timeline and dead-letter intake)
 * @param sampleInterval     how often consumer lag and topic end offsets are sampled
 * @param historySize        how many samples the lag chart keeps (720 at 5 s = one hour)
 * @param topicDiscovery     how soon a new dead-letter topic is noticed (consumer metadata refresh)
 * @param healthTimeout      how long one health probe may take
 * @param services           service name to base URL whose {@code /actuator/health} is polled; the launcher
 *                           passes the running ones, the defaults are the local stack's fixed ports
 */
@ConfigurationProperties("laborcloud.ops")
public record OpsProperties(
        @DefaultValue("ops-console") String consumerGroup,
        @DefaultValue("PT5S") Duration sampleInterval,
        @DefaultValue("720") int historySize,
        @DefaultValue("PT10S") Duration topicDiscovery,
        @DefaultValue("PT3S") Duration healthTimeout,
        Map<String, URI> services) {

    public OpsProperties {
        services = services == null || services.isEmpty() ? localStackServices() : Map.copyOf(services);
    }

    private static Map<String, URI> localStackServices() {
        Map<String, URI> services = new LinkedHashMap<>();
        services.put("gateway", URI.create("http://127.0.0.1:8080"));
        services.put("registration-service", URI.create("http://127.0.0.1:8081"));
        services.put("document-service", URI.create("http://127.0.0.1:8082"));
        services.put("review-service", URI.create("http://127.0.0.1:8083"));
        services.put("notification-service", URI.create("http://127.0.0.1:8084"));
        services.put("union-affairs-service", URI.create("http://127.0.0.1:8085"));
        return services;
    }
}
