package tw.laborcloud.notification.it;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tw.laborcloud.platform.test.ApiSpecifications;
import tw.laborcloud.platform.test.LocalTestInfra;

/** The delivery scenarios on the embedded Kafka broker and the MongoDB-wire server (no Docker needed). */
class NotificationIntegrationTests extends NotificationDeliveryScenarios {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }

    /** An integrator reads docs/api/notification-service.json: it must be what this service answers at /v3/api-docs. */
    @Test
    void theApiDescriptionIsTheOnePublished() throws Exception {
        ApiSpecifications.assertPublished(mvc, "notification-service");
    }
}
