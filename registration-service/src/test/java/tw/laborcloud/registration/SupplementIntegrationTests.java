package tw.laborcloud.registration;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tw.laborcloud.platform.test.LocalTestInfra;

/** The supplement scenarios on the embedded Kafka broker and the MongoDB-wire server (no Docker needed). */
class SupplementIntegrationTests extends SupplementScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }
}
