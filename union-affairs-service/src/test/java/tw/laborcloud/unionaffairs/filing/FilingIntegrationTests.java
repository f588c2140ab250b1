package tw.laborcloud.unionaffairs.filing;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tw.laborcloud.platform.test.ApiSpecifications;
import tw.laborcloud.platform.test.LocalTestInfra;

/** The filing lifecycle scenarios on the embedded Kafka broker and the MongoDB-wire server (no Docker needed). */
class FilingIntegrationTests extends FilingLifecycleScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }

    /** An integrator reads docs/api/union-affairs-service.json: it must be what this service answers at /v3/api-docs. */
    @Test
    void theApiDescriptionIsTheOnePublished() throws Exception {
        ApiSpecifications.assertPublished(mvc, "union-affairs-service");
    }
}
