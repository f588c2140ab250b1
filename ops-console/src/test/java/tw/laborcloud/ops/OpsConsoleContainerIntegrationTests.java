package tw.laborcloud.ops;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

import tw.laborcloud.platform.test.ContainerTestInfra;

/** The {@link EventOutcomeScenarios} against real images (apache/kafka, mongo:8 replica set); skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class OpsConsoleContainerIntegrationTests extends EventOutcomeScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        ContainerTestInfra.register(registry);
    }
}
