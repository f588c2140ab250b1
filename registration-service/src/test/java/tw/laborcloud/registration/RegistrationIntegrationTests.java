package tw.laborcloud.registration;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tw.laborcloud.platform.test.LocalTestInfra;

/** The scenarios on the embedded Kafka broker and the MongoDB-wire server (no Docker needed). */
class RegistrationIntegrationTests extends RegistrationScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }
}
