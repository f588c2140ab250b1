package tw.laborcloud.ops;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

import tw.laborcloud.platform.test.ContainerTestInfra;

/** The {@link PlatformStateScenarios} against real images (apache/kafka, mongo:8 replica set); skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class PlatformStateContainerIntegrationTests extends PlatformStateScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        ContainerTestInfra.register(registry);
    }
}
