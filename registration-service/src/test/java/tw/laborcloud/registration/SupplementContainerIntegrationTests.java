package tw.laborcloud.registration;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

import tw.laborcloud.platform.test.ContainerTestInfra;

/** The same scenarios against real mongo:8 (replica set) and apache/kafka images; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class SupplementContainerIntegrationTests extends SupplementScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        ContainerTestInfra.register(registry);
    }
}
