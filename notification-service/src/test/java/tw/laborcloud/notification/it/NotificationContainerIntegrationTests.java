package tw.laborcloud.notification.it;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

import tw.laborcloud.platform.test.ContainerTestInfra;

/**
 * The same delivery scenarios against real MongoDB and Kafka images; skipped where no Docker
 * engine runs. A sibling of {@link NotificationIntegrationTests}, not its subclass:
 * Spring runs every {@code @DynamicPropertySource} method of the hierarchy, so a subclass
 * could not keep the embedded infrastructure from starting and overriding its own.
 */
@Testcontainers(disabledWithoutDocker = true)
class NotificationContainerIntegrationTests extends NotificationDeliveryScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        ContainerTestInfra.register(registry);
    }
}
