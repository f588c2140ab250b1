package tw.laborcloud.platform.it;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

import tw.laborcloud.platform.test.ContainerTestInfra;

/** The race scenarios against real mongo:8, where concurrent upserts really collide; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class AppliedEventsRaceContainerIntegrationTests extends AppliedEventsRaceScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        ContainerTestInfra.register(registry);
    }
}
