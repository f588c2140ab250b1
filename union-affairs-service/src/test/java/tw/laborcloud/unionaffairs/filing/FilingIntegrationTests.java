package tw.laborcloud.unionaffairs.filing;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tw.laborcloud.platform.test.LocalTestInfra;

/** The filing scenarios on the embedded Kafka broker and the MongoDB-wire server (no Docker needed). */
class FilingIntegrationTests extends FilingScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }
}
