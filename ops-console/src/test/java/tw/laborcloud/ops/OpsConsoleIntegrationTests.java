package tw.laborcloud.ops;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tw.laborcloud.platform.test.ApiSpecifications;
import tw.laborcloud.platform.test.LocalTestInfra;

/** The {@link EventOutcomeScenarios} on an embedded real Kafka broker and the in-memory MongoDB-wire store. */
class OpsConsoleIntegrationTests extends EventOutcomeScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }

    /** An integrator reads docs/api/ops-console.json: it must be what this service answers at /v3/api-docs. */
    @Test
    void theApiDescriptionIsTheOnePublished() throws Exception {
        ApiSpecifications.assertPublished(mvc, "ops-console");
    }
}
