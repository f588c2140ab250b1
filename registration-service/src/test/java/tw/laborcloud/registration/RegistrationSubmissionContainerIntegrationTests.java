package tw.laborcloud.registration;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

import tw.laborcloud.platform.test.ContainerTestInfra;

/**
 * The same scenarios against real mongo:8 (replica set) and apache/kafka images; skipped
 * where no Docker engine runs. A sibling of {@link RegistrationSubmissionIntegrationTests}, not its subclass:
 * Spring runs every {@code @DynamicPropertySource} of a class hierarchy.
 */
@Testcontainers(disabledWithoutDocker = true)
class RegistrationSubmissionContainerIntegrationTests extends RegistrationSubmissionScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        ContainerTestInfra.register(registry);
    }
}
