package tw.laborcloud.unionaffairs.filing;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tw.laborcloud.platform.test.LocalTestInfra;

/** The filing access scenarios on the embedded Kafka broker and the MongoDB-wire server (no Docker needed). */
class FilingAccessIntegrationTests extends FilingAccessScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }
}
