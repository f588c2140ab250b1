package tw.laborcloud.notification.it;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

import tw.laborcloud.platform.test.ContainerTestInfra;

/** The same decision mail scenarios against real MongoDB and Kafka images; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class DecisionMailContainerIntegrationTests extends DecisionMailScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        ContainerTestInfra.register(registry);
    }
}
