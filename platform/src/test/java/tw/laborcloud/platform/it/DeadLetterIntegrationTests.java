package tw.laborcloud.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tw.laborcloud.events.Topics;
import tw.laborcloud.platform.test.KafkaTestClient;
import tw.laborcloud.platform.test.LocalTestInfra;

/**
 * A message a consumer cannot handle is retried a bounded number of times and then parked
 * in the binding's dead-letter topic, with the original record and the reason; the
 * consumer goes on with the next message.
 */
@SpringBootTest(classes = PlatformTestApplication.class, properties = {
        "spring.application.name=platform-dlq-test",
        "spring.cloud.function.definition=rejections",
        "spring.cloud.stream.bindings.rejections-in-0.destination=" + Topics.APPLICATION_REJECTED })
@Import(PoisonConsumerConfig.class)
@DirtiesContext
class DeadLetterIntegrationTests {

    static final String DLQ = "error." + Topics.APPLICATION_REJECTED + ".platform-dlq-test";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }

    @Value("${laborcloud.kafka.brokers}")
    String brokers;

    static String rejected(String applicationId, String eventId, String reason) {
        return """
                {"eventId":"%s","occurredAt":"2026-11-27T08:00:00Z","applicationId":"%s","correlationId":"corr-dlq-1",
                 "schemaVersion":1,"certificateNo":"12345678","reason":"%s","decidedBy":"approver1"}
                """.formatted(eventId, applicationId, reason);
    }

    @Test
    void aFailingEventIsRetriedThreeTimesThenDeadLetteredAndTheNextOneIsHandled() {
        String poisoned = "P-" + UUID.randomUUID();
        String healthy = "H-" + UUID.randomUUID();
        KafkaTestClient.send(brokers, Topics.APPLICATION_REJECTED, poisoned, rejected(poisoned, "ev-" + poisoned, "poison"));
        KafkaTestClient.send(brokers, Topics.APPLICATION_REJECTED, healthy, rejected(healthy, "ev-" + healthy, "ok"));

        ConsumerRecord<String, String> dead = KafkaTestClient.awaitOne(brokers, DLQ, poisoned, Duration.ofSeconds(60));
        assertThat(dead.value()).contains("ev-" + poisoned);
        assertThat(new String(dead.headers().lastHeader("x-exception-message").value(), StandardCharsets.UTF_8))
                .contains("cannot handle ev-" + poisoned);
        assertThat(new String(dead.headers().lastHeader("x-original-topic").value(), StandardCharsets.UTF_8))
                .isEqualTo(Topics.APPLICATION_REJECTED);
        assertThat(PoisonConsumerConfig.attempts).filteredOn(("ev-" + poisoned)::equals).hasSize(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> PoisonConsumerConfig.handled.contains("ev-" + healthy));
    }

    @Test
    void aRecordThatIsNotAnEventAtAllEndsInTheDeadLetterTopic() {
        String key = "G-" + UUID.randomUUID();
        KafkaTestClient.send(brokers, Topics.APPLICATION_REJECTED, key, "{not json at all");
        assertThat(KafkaTestClient.awaitOne(brokers, DLQ, key, Duration.ofSeconds(60)).value())
                .isEqualTo("{not json at all");
    }
}
