package tw.laborcloud.platform.it;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tw.laborcloud.platform.test.LocalTestInfra;

/** The race scenarios on the embedded Kafka broker and the MongoDB-wire server. */
class AppliedEventsRaceIntegrationTests extends AppliedEventsRaceScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }
}
