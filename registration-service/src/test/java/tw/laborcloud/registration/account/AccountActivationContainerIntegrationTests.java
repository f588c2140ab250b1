package tw.laborcloud.registration.account;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

import tw.laborcloud.platform.test.ContainerTestInfra;

/** The same scenarios against real mongo:8 (replica set) and apache/kafka images; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class AccountActivationContainerIntegrationTests extends AccountActivationScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        ContainerTestInfra.register(registry);
    }
}
