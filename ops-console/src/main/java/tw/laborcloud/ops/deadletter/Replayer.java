package tw.laborcloud.ops.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import tw.laborcloud.ops.config.KafkaClients;
import tw.laborcloud.ops.deadletter.DeadLetter.Status;
import tw.laborcloud.ops.kafka.KafkaOverview;
import tw.laborcloud.platform.web.ApiException;

/**
 * Replays a dead letter: reads the exact record from its dead-letter topic, sends its key and
 * value with its original headers to the original topic (the original partition when it still
 * exists) plus {@code x-replayed-by}, {@code x-replayed-at} and {@code x-replayed-from}, audits
 * it and marks the dead letter replayed. The dead-letter record itself stays in Kafka. Every
 * consumer applies an event id at most once, so the groups that had handled the event already
 * skip the replayed copy.
 */
@Component
public class Replayer {

    private static final Logger log = LoggerFactory.getLogger(Replayer.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final int BATCH_LIMIT = 1000;

    public record ReplayResult(String deadLetterId, String replayedTo, String auditId) {
    }

    public record Failure(String deadLetterId, String reason) {
    }

    public record BatchResult(String batchId, int replayed, List<Failure> failed) {
    }

    private final DeadLetters deadLetters;
    private final ReplayAudits audits;
    private final KafkaClients clients;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaOverview kafka;

    Replayer(DeadLetters deadLetters, ReplayAudits audits, KafkaClients clients,
            KafkaProducer<byte[], byte[]> replayProducer, KafkaOverview kafka) {
        this.deadLetters = deadLetters;
        this.audits = audits;
        this.clients = clients;
        this.producer = replayProducer;
        this.kafka = kafka;
    }

    public ReplayResult replay(String id, String by, String from) {
        return replay(id, by, from, null);
    }

    /** Replays every waiting dead letter (of one dead-letter topic, or all); each is audited on its own. */
    public BatchResult replayAll(String dlqTopic, String by, String from) {
        String batchId = UUID.randomUUID().toString();
        int replayed = 0;
        List<Failure> failed = new ArrayList<>();
        for (DeadLetter letter : deadLetters.list(dlqTopic, Status.WAITING, BATCH_LIMIT)) {
            try {
                replay(letter.id(), by, from, batchId);
                replayed++;
            } catch (ApiException e) {
                failed.add(new Failure(letter.id(), e.getMessage()));
            }
        }
        return new BatchResult(batchId, replayed, failed);
    }

    private ReplayResult replay(String id, String by, String from, String batchId) {
        DeadLetter letter = deadLetters.find(id).orElseThrow(() -> ApiException.notFound("DEAD_LETTER_NOT_FOUND",
                "找不到這筆死信訊息。"));
        if (letter.originalTopic() == null) {
            throw ApiException.conflict("NO_ORIGINAL_TOPIC", "這筆死信訊息沒有原始主題（x-original-topic），無法重送。");
        }
        Instant now = Instant.now();
        DeadLetter claimed = deadLetters.claim(id, now).orElseThrow(() -> letter.status() == Status.REPLAYED
                ? ApiException.conflict("ALREADY_REPLAYED", "這筆死信訊息已於 " + letter.replayedAt() + " 由 "
                        + letter.replayedBy() + " 重送，不會再送一次。")
                : ApiException.conflict("REPLAY_IN_PROGRESS", "這筆死信訊息正在重送中，請稍後重新整理。"));
        String auditId = UUID.randomUUID().toString();
        audits.started(new ReplayAudit(auditId, batchId, id, claimed.dlqTopic(), claimed.partition(),
                claimed.offset(), claimed.originalTopic(), claimed.key(), claimed.eventId(), claimed.group(), by, from,
                now, null, ReplayAudit.Outcome.STARTED, null, null));
        try {
            ConsumerRecord<byte[], byte[]> raw = read(claimed);
            RecordMetadata sent = producer.send(new ProducerRecord<>(claimed.originalTopic(), partitionFor(claimed),
                    raw.key(), raw.value(), replayHeaders(raw, by, now, id))).get(30, TimeUnit.SECONDS);
            String to = sent.topic() + "-" + sent.partition() + "@" + sent.offset();
            Instant done = Instant.now();
            deadLetters.markReplayed(id, by, done, to);
            audits.replayed(auditId, to, done);
            log.info("dead letter {} (event {}) replayed to {} by {} from {}", id, claimed.eventId(), to, by, from);
            return new ReplayResult(id, to, auditId);
        } catch (ApiException e) {
            undo(id, auditId, e.getMessage());
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            undo(id, auditId, e.toString());
            throw unavailable(e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            undo(id, auditId, e.toString());
            throw unavailable(e);
        }
    }

    private void undo(String id, String auditId, String reason) {
        deadLetters.release(id);
        audits.failed(auditId, reason, Instant.now());
    }

    /** The original partition keeps the event in order with its application's other events. */
    private Integer partitionFor(DeadLetter letter) {
        Integer original = letter.originalPartition();
        return original != null && original >= 0 && original < kafka.partitionCount(letter.originalTopic())
                ? original : null;
    }

    private ConsumerRecord<byte[], byte[]> read(DeadLetter letter) {
        TopicPartition tp = new TopicPartition(letter.dlqTopic(), letter.partition());
        try (KafkaConsumer<byte[], byte[]> consumer = clients.consumer(null, Map.of(
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1, ConsumerConfig.CLIENT_ID_CONFIG, "ops-console-replay-reader"))) {
            consumer.assign(List.of(tp));
            consumer.seek(tp, letter.offset());
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    if (r.offset() == letter.offset()) {
                        return r;
                    }
                    throw ApiException.conflict("DEAD_LETTER_EXPIRED",
                            "這筆死信訊息已不在 Kafka 中（超過保存期限或已被清除），無法重送。");
                }
            }
        }
        throw unavailable(new TimeoutException("no record at " + tp + "@" + letter.offset()));
    }

    private static RecordHeaders replayHeaders(ConsumerRecord<byte[], byte[]> raw, String by, Instant at,
            String deadLetterId) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : raw.headers()) {
            String key = h.key();
            // what the binder added when it parked the record is about the failure, not the event
            if (!key.startsWith("x-original-") && !key.startsWith("x-exception-") && !key.startsWith("kafka_dlt-")
                    && !key.startsWith("x-replayed-")) {
                headers.add(h);
            }
        }
        headers.add(tw.laborcloud.ops.intake.RecordHeaders.REPLAYED_BY, by.getBytes(StandardCharsets.UTF_8));
        headers.add(tw.laborcloud.ops.intake.RecordHeaders.REPLAYED_AT, at.toString().getBytes(StandardCharsets.UTF_8));
        headers.add("x-replayed-from", deadLetterId.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static ApiException unavailable(Exception cause) {
        ApiException e = new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "REPLAY_FAILED",
                "重送失敗：Kafka 未確認收到訊息，死信仍保留為待處理，可稍後再試（" + cause.getClass().getSimpleName() + "）。",
                List.of());
        e.initCause(cause);
        return e;
    }
}
