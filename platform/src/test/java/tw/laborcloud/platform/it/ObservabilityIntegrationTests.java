package tw.laborcloud.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import tw.laborcloud.events.Topics;
import tw.laborcloud.events.review.ApplicationApproved;
import tw.laborcloud.platform.inbound.Inbound;
import tw.laborcloud.platform.outbox.Outbox;
import tw.laborcloud.platform.outbox.OutboxRelay;
import tw.laborcloud.platform.outbox.PendingEvent;
import tw.laborcloud.platform.test.KafkaTestClient;
import tw.laborcloud.platform.test.LocalTestInfra;

/**
 * What operations watch: a record the outbox relay publishes carries W3C trace context
 * ({@code traceparent}), the consuming handler runs inside that same trace (its logging
 * context has the trace id), handlings are counted by type and service, and the outbox
 * reports the age of its oldest unpublished event.
 */
@SpringBootTest(classes = PlatformTestApplication.class, properties = {
        "spring.application.name=platform-observability-test",
        "laborcloud.outbox.collections=gadgets",
        "spring.cloud.function.definition=approvals",
        "spring.cloud.stream.bindings.approvals-in-0.destination=" + Topics.APPLICATION_APPROVED })
@Import(TracedConsumerConfig.class)
@DirtiesContext
class ObservabilityIntegrationTests {

    static final String SERVICE = "platform-observability-test";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
        // sweeps only when a test calls one, so the age the gauge shows is the one of that sweep
        registry.add("laborcloud.outbox.sweep-interval", () -> "PT1H");
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    Outbox outbox;
    @Autowired
    OutboxRelay relay;
    @Autowired
    MeterRegistry meters;

    @Test
    void aRelayedEventCarriesTraceContextAndItsConsumerLogsInTheSameTrace() {
        String applicationId = "T-" + UUID.randomUUID();
        ApplicationApproved event = ApplicationApproved.of(applicationId, "corr-trace-01", "12345678", "approver1");
        insertPending(applicationId, outbox.pending(event), Instant.now());
        double consumedBefore = count(Inbound.CONSUMED);

        relay.publish("gadgets", applicationId);

        ConsumerRecord<String, String> record = KafkaTestClient.awaitOne(LocalTestInfra.brokers(),
                Topics.APPLICATION_APPROVED, applicationId, Duration.ofSeconds(30));
        Header traceparent = record.headers().lastHeader("traceparent");
        assertThat(traceparent).as("W3C trace context header on the record").isNotNull();
        String[] parts = new String(traceparent.value(), StandardCharsets.UTF_8).split("-");
        assertThat(parts).hasSize(4);
        String traceId = parts[1];
        assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> TracedConsumerConfig.traceIdByEvent.containsKey(event.eventId()));
        assertThat(TracedConsumerConfig.traceIdByEvent.get(event.eventId()))
                .as("the consumer's MDC traceId continues the producer's trace").isEqualTo(traceId);
        assertThat(count(Inbound.CONSUMED)).isGreaterThanOrEqualTo(consumedBefore + 1);
    }

    @Test
    void everyFailedHandlingIsCountedByTypeAndService() {
        String applicationId = "F-" + UUID.randomUUID();
        double failedBefore = count(Inbound.FAILED);
        KafkaTestClient.send(LocalTestInfra.brokers(), Topics.APPLICATION_APPROVED, applicationId, """
                {"eventId":"ev-%s","occurredAt":"2026-11-27T08:00:00Z","applicationId":"%s","correlationId":"corr-f-0001",
                 "schemaVersion":1,"certificateNo":"12345678","decidedBy":"poison"}
                """.formatted(applicationId, applicationId));

        KafkaTestClient.awaitOne(LocalTestInfra.brokers(), "error." + Topics.APPLICATION_APPROVED + "." + SERVICE,
                applicationId, Duration.ofSeconds(60));
        // three attempts (max-attempts=3), each counted, before the record was parked
        assertThat(count(Inbound.FAILED)).isEqualTo(failedBefore + 3);
    }

    @Test
    void theOutboxGaugeShowsTheAgeOfTheOldestUnpublishedEventUntilItIsPublished() {
        String applicationId = "O-" + UUID.randomUUID();
        PendingEvent pending = outbox.pending(ApplicationApproved.of(applicationId, "corr-age-001", "12345678", "a"));
        insertPending(applicationId, pending, Instant.now().minus(Duration.ofHours(1)));

        relay.sweep(); // measures, then publishes
        double age = meters.get("laborcloud.outbox.oldest.age").timeGauge().value(TimeUnit.SECONDS);
        assertThat(age).isBetween(3600.0, 3700.0);

        relay.sweep(); // nothing left
        assertThat(meters.get("laborcloud.outbox.oldest.age").timeGauge().value(TimeUnit.SECONDS)).isZero();
        assertThat(meters.get("laborcloud.outbox.backlog").gauge().value()).isZero();
    }

    private double count(String name) {
        var counter = meters.find(name).tags("type", "ApplicationApproved", "service", SERVICE).counter();
        return counter == null ? 0 : counter.count();
    }

    private void insertPending(String id, PendingEvent e, Instant createdAt) {
        Document event = new Document("eventId", e.eventId()).append("topic", e.topic()).append("key", e.key())
                .append("type", e.type()).append("payload", e.payload()).append("correlationId", e.correlationId())
                .append("createdAt", Date.from(createdAt));
        mongo.insert(new Document("_id", id).append(PendingEvent.FIELD, List.of(event)), "gadgets");
    }
}
