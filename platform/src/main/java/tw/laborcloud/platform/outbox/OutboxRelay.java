package tw.laborcloud.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.annotation.Scheduled;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;

/**
 * Publishes the pending events of aggregates and removes each one only after Kafka
 * acknowledged it (sync producer, acks=all, idempotence on). Runs right after a write
 * ({@link #publishSoon}) and, for whatever a crash or a Kafka outage left behind, on a
 * periodic sweep. An event may therefore be published twice (crash after the send,
 * before the removal); consumers apply each event id at most once.
 */
public class OutboxRelay {

    /** Header names every published event carries. */
    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";
    public static final String CORRELATION_ID = "correlationId";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int SWEEP_BATCH = 100;

    private final MongoTemplate mongo;
    private final StreamBridge bridge;
    private final List<String> collections;
    private final Executor executor;
    private final boolean enabled;
    private final Counter published;
    private final Counter failed;
    private final AtomicLong backlog = new AtomicLong();
    /** createdAt (epoch ms) of the oldest pending event at the last sweep; 0 when none was pending. */
    private final AtomicLong oldestPendingAt = new AtomicLong();

    public OutboxRelay(MongoTemplate mongo, StreamBridge bridge, List<String> collections, Executor executor,
            boolean enabled, MeterRegistry meters) {
        this.mongo = mongo;
        this.bridge = bridge;
        this.collections = List.copyOf(collections);
        this.executor = executor;
        this.enabled = enabled;
        this.published = meters.counter("laborcloud.outbox.published");
        this.failed = meters.counter("laborcloud.outbox.failed");
        Gauge.builder("laborcloud.outbox.backlog", backlog, AtomicLong::get)
                .description("aggregates holding events not yet acknowledged by Kafka, at the last sweep")
                .register(meters);
        // the alert signal for a relay that cannot publish (Kafka down, a poisoned send): the backlog
        // alone cannot tell a busy outbox from a stuck one, the age of its oldest event can
        TimeGauge.builder("laborcloud.outbox.oldest.age", this, TimeUnit.MILLISECONDS, OutboxRelay::oldestPendingAgeMillis)
                .description("age of the oldest event not yet acknowledged by Kafka, at the last sweep (0: none)")
                .register(meters);
    }

    /** Milliseconds since the oldest pending event of the last sweep was written; 0 when none was pending. */
    public double oldestPendingAgeMillis() {
        long oldest = oldestPendingAt.get();
        return oldest == 0 ? 0 : Math.max(0, System.currentTimeMillis() - oldest);
    }

    /** Publishes the aggregate's pending events in the background, right after its write. */
    public void publishSoon(String collection, Object id) {
        if (!enabled) {
            return;
        }
        executor.execute(() -> {
            try {
                publish(collection, id);
            } catch (RuntimeException e) {
                log.warn("outbox publish of {}/{} failed, the sweep will retry: {}", collection, id, e.toString());
            }
        });
    }

    @Scheduled(fixedDelayString = "${laborcloud.outbox.sweep-interval:PT2S}")
    public void sweep() {
        if (!enabled) {
            return;
        }
        long pending = 0;
        long oldest = Long.MAX_VALUE;
        for (String collection : collections) {
            Query query = new Query(Criteria.where(PendingEvent.FIELD + ".0").exists(true)).limit(SWEEP_BATCH);
            query.fields().include("_id").include(PendingEvent.FIELD + ".createdAt");
            List<Document> ids = mongo.find(query, Document.class, collection);
            pending += ids.size();
            oldest = Math.min(oldest, oldestCreatedAt(ids));
            for (Document doc : ids) {
                try {
                    publish(collection, doc.get("_id"));
                } catch (RuntimeException e) {
                    log.warn("outbox sweep could not publish {}/{}: {}", collection, doc.get("_id"), e.toString());
                    break; // Kafka is likely down: try again on the next sweep
                }
            }
        }
        backlog.set(pending);
        oldestPendingAt.set(oldest == Long.MAX_VALUE ? 0 : oldest);
    }

    private static long oldestCreatedAt(List<Document> aggregates) {
        long oldest = Long.MAX_VALUE;
        for (Document aggregate : aggregates) {
            for (Document event : aggregate.getList(PendingEvent.FIELD, Document.class, List.of())) {
                if (event.get("createdAt") instanceof Date createdAt) {
                    oldest = Math.min(oldest, createdAt.getTime());
                }
            }
        }
        return oldest;
    }

    /**
     * Sends the aggregate's pending events in order and removes each after its
     * acknowledgement. Returns how many were published. Serialised within the instance so
     * that the immediate publish and the sweep never send the same event side by side.
     */
    public synchronized int publish(String collection, Object id) {
        Document doc = mongo.findById(id, Document.class, collection);
        if (doc == null) {
            return 0;
        }
        List<Document> pending = doc.getList(PendingEvent.FIELD, Document.class, List.of());
        int count = 0;
        for (Document event : pending) {
            String eventId = event.getString("eventId");
            String topic = event.getString("topic");
            Message<byte[]> message = MessageBuilder
                    .withPayload(event.getString("payload").getBytes(StandardCharsets.UTF_8))
                    .setHeader(KafkaHeaders.KEY, event.getString("key").getBytes(StandardCharsets.UTF_8))
                    .setHeader(MessageHeaders.CONTENT_TYPE, "application/json")
                    .setHeader(EVENT_ID, eventId)
                    .setHeader(EVENT_TYPE, event.getString("type"))
                    .setHeader(CORRELATION_ID, event.getString("correlationId"))
                    .build();
            boolean sent;
            try {
                sent = bridge.send(topic, message);
            } catch (RuntimeException e) {
                failed.increment();
                throw e;
            }
            if (!sent) {
                failed.increment();
                throw new IllegalStateException("Kafka did not take event " + eventId + " for " + topic);
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                    new Update().pull(PendingEvent.FIELD, new Document("eventId", eventId)), collection);
            published.increment();
            count++;
            log.debug("published {} {} to {}", event.getString("type"), eventId, topic);
        }
        return count;
    }
}
