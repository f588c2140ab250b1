package tw.laborcloud.ops;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tw.laborcloud.platform.test.LocalTestInfra;

/** The {@link PlatformStateScenarios} on an embedded real Kafka broker and the in-memory MongoDB-wire store. */
class PlatformStateIntegrationTests extends PlatformStateScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }
}
