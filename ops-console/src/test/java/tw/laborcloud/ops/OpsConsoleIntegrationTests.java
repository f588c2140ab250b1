package tw.laborcloud.ops;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tw.laborcloud.platform.test.LocalTestInfra;

/** The scenarios on an embedded real Kafka broker and the in-memory MongoDB-wire store. */
class OpsConsoleIntegrationTests extends OpsConsoleScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }
}
