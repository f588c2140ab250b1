package tw.laborcloud.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tw.laborcloud.events.Topics;
import tw.laborcloud.events.review.ApplicationApproved;
import tw.laborcloud.platform.inbound.AppliedEvents;
import tw.laborcloud.platform.outbox.Outbox;
import tw.laborcloud.platform.outbox.OutboxRelay;
import tw.laborcloud.platform.outbox.PendingEvent;
import tw.laborcloud.platform.test.KafkaTestClient;
import tw.laborcloud.platform.test.LocalTestInfra;

@SpringBootTest(classes = PlatformTestApplication.class, properties = {
        "spring.application.name=platform-test", "laborcloud.outbox.collections=widgets" })
@DirtiesContext
class OutboxAndIdempotencyIntegrationTests {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    Outbox outbox;
    @Autowired
    OutboxRelay relay;
    @Autowired
    AppliedEvents appliedEvents;

    @Test
    void pendingEventReachesKafkaKeyedByApplicationIdAndLeavesTheDocument() {
        String applicationId = "A-" + UUID.randomUUID();
        ApplicationApproved event = ApplicationApproved.of(applicationId, "corr-12345678", "12345678", "approver1");
        PendingEvent pending = outbox.pending(event);
        mongo.insert(new Document("_id", applicationId).append("state", "APPROVED")
                .append(PendingEvent.FIELD, List.of(toDocument(pending))), "widgets");

        relay.publish("widgets", applicationId);

        ConsumerRecord<String, String> record = readOne(Topics.APPLICATION_APPROVED, applicationId);
        assertThat(record.value()).contains("\"eventId\":\"" + event.eventId() + "\"").contains("approver1");
        assertThat(new String(record.headers().lastHeader(OutboxRelay.EVENT_ID).value(), StandardCharsets.UTF_8))
                .contains(event.eventId());
        Document after = mongo.findById(applicationId, Document.class, "widgets");
        assertThat(after.getList(PendingEvent.FIELD, Document.class)).isEmpty();
        assertThat(after.getString("state")).isEqualTo("APPROVED");
    }

    @Test
    void sweepPublishesWhatNoImmediatePublishSent() {
        String applicationId = "B-" + UUID.randomUUID();
        PendingEvent pending = outbox.pending(ApplicationApproved.of(applicationId, "corr-12345678", "87654321", "a"));
        mongo.insert(new Document("_id", applicationId).append(PendingEvent.FIELD, List.of(toDocument(pending))),
                "widgets");
        // no publishSoon: as if the service died right after its write; the scheduled sweep finds it
        ConsumerRecord<String, String> record = readOne(Topics.APPLICATION_APPROVED, applicationId);
        assertThat(record.value()).contains(pending.eventId());
    }

    @Test
    void anEventIsAppliedAtMostOnceAndALateFirstEventCreatesTheAggregate() {
        String aggregateId = "C-" + UUID.randomUUID();
        assertThat(appliedEvents.applyOnce("cases", aggregateId, "e1", new Update().inc("count", 1))).isTrue();
        assertThat(appliedEvents.applyOnce("cases", aggregateId, "e1", new Update().inc("count", 1))).isFalse();
        assertThat(appliedEvents.applyOnce("cases", aggregateId, "e2", new Update().inc("count", 1))).isTrue();
        assertThat(mongo.findById(aggregateId, Document.class, "cases").getInteger("count")).isEqualTo(2);
    }

    private static Document toDocument(PendingEvent e) {
        return new Document("eventId", e.eventId()).append("topic", e.topic()).append("key", e.key())
                .append("type", e.type()).append("payload", e.payload()).append("correlationId", e.correlationId())
                .append("createdAt", java.util.Date.from(e.createdAt()));
    }

    private static ConsumerRecord<String, String> readOne(String topic, String key) {
        return KafkaTestClient.awaitOne(LocalTestInfra.brokers(), topic, key, Duration.ofSeconds(30));
    }
}
