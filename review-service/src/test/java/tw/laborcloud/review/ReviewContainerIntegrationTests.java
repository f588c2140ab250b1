package tw.laborcloud.review;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

import tw.laborcloud.platform.test.ContainerTestInfra;

/**
 * The {@link DecisionScenarios} against real mongo:8 (replica set) and apache/kafka images; skipped
 * where no Docker engine runs. A sibling of {@link ReviewIntegrationTests}, not its subclass: Spring
 * runs every {@code @DynamicPropertySource} of a class hierarchy.
 */
@Testcontainers(disabledWithoutDocker = true)
class ReviewContainerIntegrationTests extends DecisionScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        ContainerTestInfra.register(registry);
    }
}
