package tw.laborcloud.ops.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BoundTopicsTests {

    @Test
    void aGroupBindsEveryTopicItHasADeadLetterTopicFor() {
        Set<String> topics = Set.of("union.registration.submitted", "union.documents.verified",
                "error.union.registration.submitted.review-service", "error.union.documents.verified.review-service",
                "error.union.registration.submitted.notification-service", "error.gone.topic.some-service", "other");
        assertThat(KafkaOverview.boundTopicsByGroup(topics)).isEqualTo(Map.of(
                "review-service", Set.of("union.registration.submitted", "union.documents.verified"),
                "notification-service", Set.of("union.registration.submitted")));
    }
}
