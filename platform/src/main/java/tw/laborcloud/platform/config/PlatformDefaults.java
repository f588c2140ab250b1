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

import tw.laborcloud.events.Topics;

/**
 * Adds the settings every service shares (Kafka reliability, dead letters, security,
 * problem details, metrics) as the lowest-precedence property source, so a service's
 * own application.yml, its command line and the environment all override them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "laborcloudPlatformDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Properties defaults = load();
        // the outbox relay must know Kafka has the record before it forgets the event
        for (Topics.EventTopic<?> topic : Topics.ALL) {
            defaults.setProperty("spring.cloud.stream.kafka.bindings." + topic.name() + ".producer.sync", "true");
        }
        environment.getPropertySources().addLast(new PropertiesPropertySource(SOURCE_NAME, defaults));
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
