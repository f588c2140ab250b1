package tw.laborcloud.notification.it;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tw.laborcloud.platform.test.LocalTestInfra;

/** The registration mail scenarios on the embedded Kafka broker and the MongoDB-wire server (no Docker needed). */
class RegistrationMailIntegrationTests extends RegistrationMailScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }
}
