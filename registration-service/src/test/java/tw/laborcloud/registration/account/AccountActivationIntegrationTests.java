package tw.laborcloud.registration.account;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tw.laborcloud.platform.test.LocalTestInfra;

/** The activation scenarios on the embedded Kafka broker and the MongoDB-wire server (no Docker needed). */
class AccountActivationIntegrationTests extends AccountActivationScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }
}
