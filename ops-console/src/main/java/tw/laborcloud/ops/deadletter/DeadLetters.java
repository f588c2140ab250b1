package tw.laborcloud.ops.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import tools.jackson.databind.json.JsonMapper;
import tw.laborcloud.events.Topics;
import tw.laborcloud.ops.deadletter.DeadLetter.Status;
import tw.laborcloud.ops.intake.EventFacts;
import tw.laborcloud.ops.intake.RecordHeaders;
import tw.laborcloud.ops.kafka.KafkaOverview;
import tw.laborcloud.ops.masking.PayloadMasker;

/**
 * The {@code deadLetters} collection: one document per dead-letter record (its coordinates are
 * its id, so reading it twice is a no-op). Status changes are conditional single-document
 * updates, so two operators pressing "replay" at once replay it once. Exposes the gauge
 * {@code laborcloud.deadletters.waiting{topic}} for the "dead letters > 0" alert.
 */
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    static final String COLLECTION = "deadLetters";
    /** A replay cut off by a crash may be claimed again after this long. */
    static final Duration STALE_CLAIM = Duration.ofMinutes(2);
    private static final int STACKTRACE_LIMIT = 8000;

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final PayloadMasker masker;
    private final MultiGauge waitingGauge;

    public DeadLetters(MongoTemplate mongo, JsonMapper json, PayloadMasker masker, MeterRegistry meters) {
        this.mongo = mongo;
        this.json = json;
        this.masker = masker;
        this.waitingGauge = MultiGauge.builder("laborcloud.deadletters.waiting")
                .description("dead-letter records not yet replayed, per dead-letter topic")
                .baseUnit("records")
                .register(meters);
        mongo.indexOps(COLLECTION).createIndex(new Index().on("eventId", Sort.Direction.ASC).named("event"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("deadAt", Sort.Direction.DESC).named("recent"));
    }

    public void record(ConsumerRecord<byte[], byte[]> record) {
        String originalTopic = RecordHeaders.text(record, RecordHeaders.ORIGINAL_TOPIC);
        EventFacts facts = EventFacts.of(record, originalTopic, json);
        Map<String, String> headers = new TreeMap<>(RecordHeaders.all(record));
        String stacktrace = headers.remove(RecordHeaders.EXCEPTION_STACKTRACE);
        Cause rootCause = rootCause(stacktrace, headers.get(RecordHeaders.EXCEPTION_FQCN),
                headers.get(RecordHeaders.EXCEPTION_MESSAGE));
        DeadLetter letter = new DeadLetter(DeadLetter.id(record.topic(), record.partition(), record.offset()),
                record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                groupOf(record.topic(), originalTopic), originalTopic,
                integer(headers.get(RecordHeaders.ORIGINAL_PARTITION)),
                longValue(headers.get(RecordHeaders.ORIGINAL_OFFSET)),
                RecordHeaders.utf8(record.key()), facts.eventId(), facts.eventType(), facts.applicationId(),
                PayloadMasker.maskText(rootCause.message()), rootCause.type(),
                stacktrace == null ? null : PayloadMasker.maskText(truncate(stacktrace)),
                PayloadMasker.maskHeaders(headers), masker.maskPayload(RecordHeaders.utf8(record.value())),
                Status.WAITING, null, null, null, null);
        try {
            mongo.insert(letter, COLLECTION);
        } catch (DuplicateKeyException seenBefore) {
            // read again after a restart: already listed
        }
    }

    record Cause(String type, String message) {
    }

    private static final java.util.regex.Pattern CAUSED_BY =
            java.util.regex.Pattern.compile("^\\s*Caused by: ([\\w.$]+)(?:: (.*))?$");

    /**
     * The innermost cause: the binder's own message is about its retry wrapper ("error occurred in
     * message handler", "retry policy exhausted"); what operations need is what the handler threw.
     */
    static Cause rootCause(String stacktrace, String type, String message) {
        Cause cause = new Cause(type, message);
        if (stacktrace != null) {
            for (String line : stacktrace.split("\\R")) {
                java.util.regex.Matcher m = CAUSED_BY.matcher(line);
                if (m.matches()) {
                    cause = new Cause(m.group(1), m.group(2) == null ? "" : m.group(2));
                }
            }
        }
        return cause;
    }

    /**
     * The group of {@code error.<topic>.<group>}: what follows the original topic, or (without
     * that header) what follows the longest business topic name the dead-letter topic starts with.
     */
    static String groupOf(String dlqTopic, String originalTopic) {
        String prefix = KafkaOverview.DEAD_LETTER_PREFIX;
        if (originalTopic != null && dlqTopic.startsWith(prefix + originalTopic + ".")) {
            return dlqTopic.substring(prefix.length() + originalTopic.length() + 1);
        }
        return Topics.ALL.stream().map(Topics.EventTopic::name)
                .filter(t -> dlqTopic.startsWith(prefix + t + "."))
                .max(java.util.Comparator.comparingInt(String::length))
                .map(t -> dlqTopic.substring(prefix.length() + t.length() + 1))
                .orElse(null);
    }

    public List<DeadLetter> list(String dlqTopic, Status status, int limit) {
        Criteria criteria = new Criteria();
        List<Criteria> and = new ArrayList<>();
        if (dlqTopic != null && !dlqTopic.isBlank()) {
            and.add(Criteria.where("dlqTopic").is(dlqTopic));
        }
        if (status != null) {
            and.add(Criteria.where("status").is(status));
        }
        if (!and.isEmpty()) {
            criteria = new Criteria().andOperator(and);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "deadAt")).limit(limit),
                DeadLetter.class, COLLECTION);
    }

    public Optional<DeadLetter> find(String id) {
        return Optional.ofNullable(mongo.findById(id, DeadLetter.class, COLLECTION));
    }

    public List<DeadLetter> ofEvents(Collection<String> eventIds) {
        return mongo.find(Query.query(Criteria.where("eventId").in(eventIds)), DeadLetter.class, COLLECTION);
    }

    /** Takes the dead letter for one replay: waiting, or a replay that was cut off long ago. */
    Optional<DeadLetter> claim(String id, Instant now) {
        Criteria claimable = new Criteria().orOperator(
                Criteria.where("status").is(Status.WAITING),
                Criteria.where("status").is(Status.REPLAYING).and("claimedAt").lt(Date.from(now.minus(STALE_CLAIM))));
        Query query = Query.query(new Criteria().andOperator(Criteria.where("_id").is(id), claimable));
        Update update = new Update().set("status", Status.REPLAYING).set("claimedAt", Date.from(now));
        return Optional.ofNullable(mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
                DeadLetter.class, COLLECTION));
    }

    void markReplayed(String id, String by, Instant at, String replayedTo) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(Status.REPLAYING)),
                new Update().set("status", Status.REPLAYED).set("replayedAt", Date.from(at)).set("replayedBy", by)
                        .set("replayedTo", replayedTo),
                COLLECTION);
    }

    /** A replay that failed before Kafka took the record: waiting again. */
    void release(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(Status.REPLAYING)),
                new Update().set("status", Status.WAITING).unset("claimedAt"), COLLECTION);
    }

    /** Dead letters not yet replayed, per dead-letter topic (0 for a topic whose letters were all replayed). */
    public Map<String, Long> waitingByTopic() {
        Query query = new Query();
        query.fields().include("dlqTopic").include("status");
        Map<String, Long> counts = new TreeMap<>();
        for (Document d : mongo.find(query, Document.class, COLLECTION)) {
            boolean waiting = !Status.REPLAYED.name().equals(d.getString("status"));
            counts.merge(d.getString("dlqTopic"), waiting ? 1L : 0L, Long::sum);
        }
        return counts;
    }

    // on every instance, not under a scheduler lock: a read-only count for this instance's own gauge
    @Scheduled(fixedDelayString = "${laborcloud.ops.sample-interval:PT5S}")
    void refreshGauge() {
        try {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            waitingByTopic().forEach((topic, count) -> rows.add(MultiGauge.Row.of(Tags.of("topic", topic), count)));
            waitingGauge.register(rows, true);
        } catch (RuntimeException storeDown) {
            // the gauge keeps its last values; the health view shows the store's state
            log.debug("dead-letter gauge not refreshed: {}", storeDown.toString());
        }
    }

    private static String truncate(String s) {
        return s.length() <= STACKTRACE_LIMIT ? s : s.substring(0, STACKTRACE_LIMIT) + "\n…";
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longValue(String s) {
        try {
            return s == null ? null : Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
