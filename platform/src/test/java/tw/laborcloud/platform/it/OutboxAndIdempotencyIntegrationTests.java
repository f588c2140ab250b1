package tw.laborcloud.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
    @Autowired
    StreamBridge bridge;
    @Autowired
    MeterRegistry meters;

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

    @Test
    void anAggregateKafkaRefusesIsSkippedAndTheOthersArePublishedOldestFirst() {
        String poisoned = "P-" + UUID.randomUUID();
        String first = "Q-" + UUID.randomUUID();
        String second = "R-" + UUID.randomUUID();
        Instant now = Instant.now();
        // the oldest pending event is one Kafka refuses (over the producer's 1 MB request limit)
        PendingEvent tooLarge = outbox.pending(ApplicationApproved.of(poisoned, "corr-12345678", "11111111",
                "x".repeat(2 * 1024 * 1024)));
        insert(poisoned, tooLarge, now.minus(Duration.ofMinutes(10)));
        insert(first, outbox.pending(ApplicationApproved.of(first, "corr-12345678", "22222222", "a")),
                now.minus(Duration.ofMinutes(5)));
        insert(second, outbox.pending(ApplicationApproved.of(second, "corr-12345678", "33333333", "a")),
                now.minus(Duration.ofMinutes(4)));
        try {
            relay.sweep();

            assertThat(readOne(Topics.APPLICATION_APPROVED, first).value()).contains("22222222");
            assertThat(readOne(Topics.APPLICATION_APPROVED, second).value()).contains("33333333");
            assertThat(pendingOf(first)).isEmpty();
            assertThat(pendingOf(second)).isEmpty();
            assertThat(pendingOf(poisoned)).as("the refused event stays for ops, not lost").hasSize(1);
            assertThat(meters.get("laborcloud.outbox.stuck").gauge().value()).isGreaterThanOrEqualTo(1);
        } finally {
            mongo.remove(Query.query(Criteria.where("_id").is(poisoned)), "widgets");
        }
    }

    @Test
    void twoInstancesPublishingOneAggregateAtOnceKeepTheOrderOfItsEvents() throws Exception {
        String applicationId = "S-" + UUID.randomUUID();
        List<String> written = new ArrayList<>();
        List<Document> events = new ArrayList<>();
        Instant start = Instant.now();
        for (int i = 0; i < 30; i++) {
            PendingEvent e = outbox.pending(ApplicationApproved.of(applicationId, "corr-12345678", "44444444", "n" + i));
            written.add(e.eventId());
            events.add(toDocument(e).append("createdAt", java.util.Date.from(start.plusMillis(i))));
        }
        mongo.insert(new Document("_id", applicationId).append(PendingEvent.FIELD, events), "widgets");
        OutboxRelay otherInstance = new OutboxRelay(mongo, bridge, List.of("widgets"), true, Duration.ofSeconds(1),
                new SimpleMeterRegistry());

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = instances.submit(() -> { together.await(); return relay.publish("widgets", applicationId); });
            Future<?> b = instances.submit(() -> { together.await(); return otherInstance.publish("widgets", applicationId); });
            a.get();
            b.get();
        } finally {
            instances.shutdownNow();
        }

        List<String> onTopic = KafkaTestClient.readAll(LocalTestInfra.brokers(), Topics.APPLICATION_APPROVED,
                applicationId, Duration.ofSeconds(5)).stream()
                .map(r -> new String(r.headers().lastHeader(OutboxRelay.EVENT_ID).value(), StandardCharsets.UTF_8))
                .toList();
        assertThat(new ArrayList<>(new LinkedHashSet<>(onTopic)))
                .as("first copy of each event, in the order the aggregate wrote them").isEqualTo(written);
        assertThat(pendingOf(applicationId)).isEmpty();
    }

    private void insert(String id, PendingEvent pending, Instant createdAt) {
        mongo.insert(new Document("_id", id).append(PendingEvent.FIELD,
                List.of(toDocument(pending).append("createdAt", java.util.Date.from(createdAt)))), "widgets");
    }

    private List<Document> pendingOf(String id) {
        return mongo.findById(id, Document.class, "widgets").getList(PendingEvent.FIELD, Document.class);
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
