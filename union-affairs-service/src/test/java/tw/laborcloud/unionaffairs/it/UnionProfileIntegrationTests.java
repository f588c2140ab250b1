package tw.laborcloud.unionaffairs.it;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tw.laborcloud.platform.test.LocalTestInfra;

/** The scenarios on the embedded Kafka broker and the MongoDB-wire server (no Docker needed). */
class UnionProfileIntegrationTests extends UnionProfileScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }
}
