package tw.laborcloud.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;

/**
 * Publishes the pending events of aggregates and removes each one only after Kafka
 * acknowledged it (sync producer, acks=all, idempotence on). Runs right after a write
 * ({@link #publishSoon}) and, for whatever a crash or a Kafka outage left behind, on a
 * periodic sweep on threads of its own (never behind the services' other scheduled jobs).
 * <p>
 * <b>Trouble.</b> The sweep takes aggregates oldest pending event first. An aggregate whose
 * send fails (its topic unavailable, a record Kafka refuses) is skipped and put on a back-off
 * of its own (doubling from the sweep interval to {@link #MAX_BACKOFF}); the sweep goes on with
 * the next one. Only after {@link #FAILURES_BEFORE_PAUSE} failures in a row does a sweep end
 * early: then Kafka itself is most likely away, and every further send would wait for it.
 * <p>
 * <b>Guarantees.</b> Every event is published at least once. An event may be published twice:
 * a crash after the send and before the removal, or two instances of the service sweeping the
 * same aggregate at once; consumers apply each event id at most once. Per aggregate, events go
 * to Kafka in the order the aggregate wrote them: a relay sends an aggregate's next event only
 * after Kafka acknowledged the one before (each instance), so on a topic the first copy of each
 * event stands after the first copy of every earlier event of that aggregate; a repeated copy
 * may come later, and consumers recognise it by its id. Events of one aggregate on different
 * topics are ordered by the aggregate's writes, not on arrival: consumers never rely on that.
 */
public class OutboxRelay implements SmartLifecycle {

    /** Header names every published event carries. */
    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";
    public static final String CORRELATION_ID = "correlationId";

    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    static final int FAILURES_BEFORE_PAUSE = 3;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int SWEEP_BATCH = 100;
    private static final int MAX_REMEMBERED_FAILURES = 10_000;

    private final MongoTemplate mongo;
    private final StreamBridge bridge;
    private final List<String> collections;
    private final boolean enabled;
    private final Duration sweepInterval;
    private final Counter published;
    private final Counter failed;
    private final AtomicLong backlog = new AtomicLong();
    /** createdAt (epoch ms) of the oldest pending event at the last sweep; 0 when none was pending. */
    private final AtomicLong oldestPendingAt = new AtomicLong();
    /** Aggregates whose last send failed, by "collection/id": when to try them again. */
    private final Map<String, Backoff> backoffs = new ConcurrentHashMap<>();
    private ExecutorService immediate;
    private ScheduledExecutorService sweeper;

    public OutboxRelay(MongoTemplate mongo, StreamBridge bridge, List<String> collections, boolean enabled,
            Duration sweepInterval, MeterRegistry meters) {
        this.mongo = mongo;
        this.bridge = bridge;
        this.collections = List.copyOf(collections);
        this.enabled = enabled;
        this.sweepInterval = sweepInterval;
        this.published = meters.counter("laborcloud.outbox.published");
        this.failed = meters.counter("laborcloud.outbox.failed");
        Gauge.builder("laborcloud.outbox.backlog", backlog, AtomicLong::get)
                .description("aggregates holding events not yet acknowledged by Kafka, at the last sweep")
                .register(meters);
        Gauge.builder("laborcloud.outbox.stuck", backoffs, Map::size)
                .description("aggregates whose last send failed and that wait for their next try")
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
        ExecutorService executor = immediate;
        if (!enabled || executor == null) {
            return; // not running (yet): the first sweep takes it
        }
        try {
            executor.execute(() -> {
                try {
                    publish(collection, id);
                } catch (RuntimeException e) {
                    log.warn("outbox publish of {}/{} failed, the sweep will retry: {}", collection, id, e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // shutting down: the event stays in the aggregate for the next start's sweep
        }
    }

    /** One pass over every outbox collection, oldest pending event first. */
    public void sweep() {
        if (!enabled) {
            return;
        }
        long pending = 0;
        long oldest = Long.MAX_VALUE;
        int failuresInARow = 0;
        long now = System.currentTimeMillis();
        backoffs.values().removeIf(b -> b.forgetAfter() < now);
        for (String collection : collections) {
            Query query = new Query(Criteria.where(PendingEvent.FIELD + ".0").exists(true))
                    .with(Sort.by(PendingEvent.FIELD + ".createdAt")).limit(SWEEP_BATCH);
            query.fields().include("_id").include(PendingEvent.FIELD + ".createdAt");
            List<Document> aggregates = mongo.find(query, Document.class, collection);
            pending += aggregates.size();
            oldest = Math.min(oldest, oldestCreatedAt(aggregates));
            for (Document aggregate : aggregates) {
                Object id = aggregate.get("_id");
                String key = collection + "/" + id;
                Backoff backoff = backoffs.get(key);
                if (backoff != null && backoff.nextTryAt() > System.currentTimeMillis()) {
                    continue;
                }
                try {
                    publish(collection, id);
                    backoffs.remove(key);
                    failuresInARow = 0;
                } catch (RuntimeException e) {
                    Backoff next = Backoff.after(backoff, sweepInterval);
                    if (backoffs.size() < MAX_REMEMBERED_FAILURES || backoff != null) {
                        backoffs.put(key, next);
                    }
                    log.warn("outbox sweep could not publish {} (failure {}, next try in {} s), going on: {}", key,
                            next.failures(), next.waitMillis() / 1000, e.toString());
                    if (++failuresInARow >= FAILURES_BEFORE_PAUSE) {
                        log.warn("outbox sweep paused after {} failures in a row: Kafka is likely unavailable",
                                failuresInARow);
                        backlog.set(pending);
                        oldestPendingAt.set(oldest == Long.MAX_VALUE ? 0 : oldest);
                        return;
                    }
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
        List<Document> pending = new ArrayList<>(doc.getList(PendingEvent.FIELD, Document.class, List.of()));
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

    // ---- lifecycle: the relay's own threads -----------------------------------------------------------------------

    @Override
    public synchronized void start() {
        if (sweeper != null) {
            return;
        }
        immediate = Executors.newSingleThreadExecutor(daemon("outbox-publish"));
        sweeper = Executors.newSingleThreadScheduledExecutor(daemon("outbox-sweep"));
        if (enabled) {
            sweeper.scheduleWithFixedDelay(this::sweepQuietly, sweepInterval.toMillis(), sweepInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // a thrown exception would end a fixed-delay schedule for good
            log.warn("outbox sweep failed, the next one retries: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        for (ExecutorService executor : new ExecutorService[] { sweeper, immediate }) {
            if (executor != null) {
                executor.shutdown();
                try {
                    executor.awaitTermination(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        sweeper = null;
        immediate = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return sweeper != null;
    }

    /** Stops after the consumers (which may still write and publish) and before the binder's producers. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** When an aggregate whose send failed is tried again. */
    record Backoff(int failures, long nextTryAt, long waitMillis) {

        static Backoff after(Backoff previous, Duration first) {
            int failures = previous == null ? 1 : previous.failures() + 1;
            long wait = Math.min(MAX_BACKOFF.toMillis(), first.toMillis() << Math.min(failures - 1, 20));
            return new Backoff(failures, System.currentTimeMillis() + wait, wait);
        }

        /** A back-off is forgotten once long past, so that memory holds only live trouble. */
        long forgetAfter() {
            return nextTryAt + MAX_BACKOFF.toMillis();
        }
    }
}
