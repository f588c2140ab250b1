package tw.laborcloud.unionaffairs.filing;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tw.laborcloud.platform.test.LocalTestInfra;

/** The filing refusal scenarios on the embedded Kafka broker and the MongoDB-wire server (no Docker needed). */
class FilingRefusalIntegrationTests extends FilingRefusalScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }
}
