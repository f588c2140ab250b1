package tw.laborcloud.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import tools.jackson.core.StreamReadConstraints;
import tw.laborcloud.events.Topics;

/**
 * Adds the settings every service shares (Kafka reliability, dead letters, security,
 * problem details, metrics) as the lowest-precedence property source, so a service's
 * own application.yml, its command line and the environment all override them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "laborcloudPlatformDefaults";
    static final String KAFKA_USERNAME = "laborcloud.kafka.username";
    static final String KAFKA_PASSWORD = "laborcloud.kafka.password";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Properties defaults = load();
        // the outbox relay must know Kafka has the record before it forgets the event
        for (Topics.EventTopic<?> topic : Topics.ALL) {
            defaults.setProperty("spring.cloud.stream.kafka.bindings." + topic.name() + ".producer.sync", "true");
        }
        kafkaCredentials(environment.getProperty(KAFKA_USERNAME), environment.getProperty(KAFKA_PASSWORD),
                defaults);
        environment.getPropertySources().addLast(new PropertiesPropertySource(SOURCE_NAME, defaults));
        limitJsonParsing(environment);
    }

    /**
     * Every JSON parser of the service (request bodies, Kafka records) refuses what no form or event
     * of ours comes near: deep nesting, huge strings, numbers or documents, floods of tokens. Set as
     * Jackson's defaults before any parser factory exists, so that each one gets them.
     */
    static void limitJsonParsing(ConfigurableEnvironment environment) {
        StreamReadConstraints.overrideDefaultStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(environment.getProperty("laborcloud.limits.json-depth", Integer.class, 64))
                .maxStringLength(environment.getProperty("laborcloud.limits.json-string", Integer.class, 200_000))
                .maxNumberLength(environment.getProperty("laborcloud.limits.json-number", Integer.class, 100))
                .maxNameLength(environment.getProperty("laborcloud.limits.json-name", Integer.class, 200))
                .maxDocumentLength(environment.getProperty("laborcloud.limits.json-document", Long.class, 2_000_000L))
                .maxTokenCount(environment.getProperty("laborcloud.limits.json-tokens", Long.class, 200_000L))
                .build());
    }

    /**
     * With {@code laborcloud.kafka.username} (and {@code .password}) set, every Kafka client of the service
     * authenticates as that principal with SASL/SCRAM-SHA-512: Boot's {@code spring.kafka.*} settings reach
     * the binder's producers, consumers and admin client (it builds on them) and Spring Kafka's own clients;
     * ops-console's plain clients copy them too. Without a username (the services' own tests with an embedded
     * broker) nothing changes.
     */
    static void kafkaCredentials(String username, String password, Properties defaults) {
        if (username == null || username.isBlank()) {
            return;
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalStateException(KAFKA_USERNAME + " is set but " + KAFKA_PASSWORD + " is not");
        }
        defaults.setProperty("spring.kafka.security.protocol", "SASL_PLAINTEXT");
        defaults.setProperty("spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-512");
        defaults.setProperty("spring.kafka.properties.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + jaasQuoted(username)
                        + "\" password=\"" + jaasQuoted(password) + "\";");
    }

    /**
     * Inside a JAAS option's double quotes a backslash escapes the next character; and Spring would take a
     * {@code ${} in a password for a placeholder unless it is escaped with a backslash (which Spring removes).
     */
    static String jaasQuoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("${", "\\${");
    }

    private static Properties load() {
        try {
            return PropertiesLoaderUtils.loadProperties(new ClassPathResource("laborcloud-defaults.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException("laborcloud-defaults.properties missing from platform", e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
