package tw.laborcloud.ops.intake;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import tw.laborcloud.events.Topics;
import tw.laborcloud.ops.config.KafkaClients;
import tw.laborcloud.ops.config.OpsProperties;
import tw.laborcloud.ops.deadletter.DeadLetters;
import tw.laborcloud.ops.kafka.KafkaOverview;
import tw.laborcloud.ops.trace.Timeline;

/**
 * The console's own consumer (group {@code ops-console}): every business topic feeds the
 * timeline, every dead-letter topic ({@code error.<topic>.<group>}, found by pattern as the
 * binder creates them) feeds the dead-letter list. Offsets are committed after the records are
 * stored; both stores are idempotent, so a record read twice after a crash changes nothing.
 */
@Component
class RecordIntake implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecordIntake.class);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(2);

    private final KafkaClients clients;
    private final Timeline timeline;
    private final DeadLetters deadLetters;
    private final OpsProperties properties;
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    RecordIntake(KafkaClients clients, Timeline timeline, DeadLetters deadLetters, OpsProperties properties) {
        this.clients = clients;
        this.timeline = timeline;
        this.deadLetters = deadLetters;
        this.properties = properties;
    }

    static Pattern subscription() {
        String business = Topics.ALL.stream().map(t -> Pattern.quote(t.name())).collect(Collectors.joining("|"));
        return Pattern.compile("(?:" + business + ")|" + Pattern.quote(KafkaOverview.DEAD_LETTER_PREFIX) + ".+");
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("ops-intake").start(this::run);
    }

    @Override
    public synchronized void stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<byte[], byte[]> c = clients.consumer(properties.consumerGroup(), Map.of(
                    ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) properties.topicDiscovery().toMillis(),
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200,
                    ConsumerConfig.CLIENT_ID_CONFIG, "ops-console-intake"))) {
                consumer = c;
                c.subscribe(subscription());
                while (running) {
                    ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(500));
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        if (r.topic().startsWith(KafkaOverview.DEAD_LETTER_PREFIX)) {
                            deadLetters.record(r);
                        } else {
                            timeline.record(r);
                        }
                    }
                    if (!records.isEmpty()) {
                        c.commitSync();
                    }
                }
            } catch (WakeupException stopping) {
                // stop() woke the consumer up
            } catch (RuntimeException e) {
                // the store or Kafka failed: start over from the committed offsets after a pause
                log.warn("record intake failed, resuming from the committed offsets: {}", e.toString());
                pause();
            } finally {
                consumer = null;
            }
        }
    }

    private void pause() {
        long until = System.nanoTime() + RETRY_AFTER_FAILURE.toNanos();
        while (running && System.nanoTime() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
