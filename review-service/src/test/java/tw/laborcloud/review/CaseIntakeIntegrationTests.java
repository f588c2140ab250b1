package tw.laborcloud.review;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tw.laborcloud.platform.test.LocalTestInfra;

/** The {@link CaseIntakeScenarios} on the embedded Kafka broker and the MongoDB-wire server (no Docker needed). */
class CaseIntakeIntegrationTests extends CaseIntakeScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }
}
