package tw.laborcloud.registration;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tw.laborcloud.platform.test.ApiSpecifications;
import tw.laborcloud.platform.test.LocalTestInfra;

/** The scenarios on the embedded Kafka broker and the MongoDB-wire server (no Docker needed). */
class RegistrationIntegrationTests extends RegistrationScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }

    /** An integrator reads docs/api/registration-service.json: it must be what this service answers at /v3/api-docs. */
    @Test
    void theApiDescriptionIsTheOnePublished() throws Exception {
        ApiSpecifications.assertPublished(mvc, "registration-service");
    }
}
