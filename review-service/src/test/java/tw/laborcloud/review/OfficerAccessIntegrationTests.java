package tw.laborcloud.review;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tw.laborcloud.platform.test.LocalTestInfra;

/** The {@link OfficerAccessScenarios} on the embedded Kafka broker and the MongoDB-wire server (no Docker needed). */
class OfficerAccessIntegrationTests extends OfficerAccessScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }
}
