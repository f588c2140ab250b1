package tw.laborcloud.registration;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tw.laborcloud.platform.test.LocalTestInfra;

/** The submission scenarios on the embedded Kafka broker and the MongoDB-wire server (no Docker needed). */
class RegistrationSubmissionIntegrationTests extends RegistrationSubmissionScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }
}
