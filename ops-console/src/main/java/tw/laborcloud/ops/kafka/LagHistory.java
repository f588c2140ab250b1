package tw.laborcloud.ops.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import tw.laborcloud.ops.config.OpsProperties;
import tw.laborcloud.ops.kafka.KafkaOverview.GroupInfo;
import tw.laborcloud.ops.kafka.KafkaOverview.TopicInfo;

/**
 * Samples every consumer group's lag and every topic's end offsets at a fixed interval into a
 * ring buffer (the lag chart, the message rates), and exposes the lag as the gauge
 * {@code laborcloud.kafka.consumer.lag{group,topic}} for Prometheus. The console measures lag
 * from outside on purpose: a stopped service exports no metrics, and its lag is exactly what
 * must show then. Memory only: after a restart the chart starts again.
 */
@Component
public class LagHistory {

    private static final Logger log = LoggerFactory.getLogger(LagHistory.class);

    /** @param lagByGroup total lag per consumer group; @param endOffsetByTopic sum of end offsets per topic */
    public record Sample(Instant at, Map<String, Long> lagByGroup, Map<String, Long> endOffsetByTopic) {
    }

    /** The chart's data: one time axis, one series of total lag per group (null before a group existed). */
    public record Series(List<Instant> at, Map<String, List<Long>> lagByGroup) {
    }

    private final KafkaOverview kafka;
    private final int capacity;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private final MultiGauge lagGauge;
    private volatile boolean lastFailed;

    public LagHistory(KafkaOverview kafka, OpsProperties properties, MeterRegistry meters) {
        this.kafka = kafka;
        this.capacity = Math.max(2, properties.historySize());
        this.lagGauge = MultiGauge.builder("laborcloud.kafka.consumer.lag")
                .description("records on a topic not yet consumed by a consumer group, measured by the ops console")
                .baseUnit("records")
                .register(meters);
    }

    // on every instance, not under a scheduler lock: each console keeps its own chart and gauge (read only)
    @Scheduled(fixedDelayString = "${laborcloud.ops.sample-interval:PT5S}")
    public void sample() {
        try {
            List<GroupInfo> groups = kafka.groups();
            List<TopicInfo> topics = kafka.topics(Map.of());
            Map<String, Long> lagByGroup = new TreeMap<>();
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (GroupInfo g : groups) {
                lagByGroup.put(g.groupId(), g.totalLag());
                g.lagByTopic().forEach((topic, lag) ->
                        rows.add(MultiGauge.Row.of(Tags.of("group", g.groupId(), "topic", topic), lag)));
            }
            Map<String, Long> ends = new TreeMap<>();
            topics.forEach(t -> ends.put(t.name(), t.endOffsetTotal()));
            lagGauge.register(rows, true);
            record(new Sample(Instant.now(), lagByGroup, ends));
            if (lastFailed) {
                log.info("lag sampling works again");
            }
            lastFailed = false;
        } catch (RuntimeException e) {
            if (!lastFailed) {
                log.warn("lag sampling failed (Kafka unreachable?): {}", e.getMessage());
            }
            lastFailed = true;
        }
    }

    synchronized void record(Sample sample) {
        samples.addLast(sample);
        while (samples.size() > capacity) {
            samples.removeFirst();
        }
    }

    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** The samples of the last {@code window}, as one series per group. */
    public Series series(Duration window) {
        Instant from = Instant.now().minus(window);
        List<Sample> recent = samples().stream().filter(s -> !s.at().isBefore(from)).toList();
        TreeSet<String> groups = new TreeSet<>();
        recent.forEach(s -> groups.addAll(s.lagByGroup().keySet()));
        Map<String, List<Long>> series = new LinkedHashMap<>();
        for (String g : groups) {
            List<Long> values = new ArrayList<>(recent.size());
            recent.forEach(s -> values.add(s.lagByGroup().get(g)));
            series.put(g, values);
        }
        return new Series(recent.stream().map(Sample::at).toList(), series);
    }

    /** Records appended per minute to each topic, over the samples of the last {@code window} that know it. */
    public Map<String, Double> ratesPerMinute(Duration window) {
        Instant from = Instant.now().minus(window);
        List<Sample> recent = samples().stream().filter(s -> !s.at().isBefore(from)).toList();
        if (recent.size() < 2) {
            return Map.of();
        }
        Sample last = recent.getLast();
        Map<String, Double> rates = new HashMap<>();
        last.endOffsetByTopic().forEach((topic, end) -> recent.stream()
                .filter(s -> s.endOffsetByTopic().containsKey(topic))
                .findFirst()
                .filter(first -> first != last)
                .ifPresent(first -> {
                    double minutes = Duration.between(first.at(), last.at()).toMillis() / 60000.0;
                    if (minutes > 0) {
                        rates.put(topic, Math.max(0, end - first.endOffsetByTopic().get(topic)) / minutes);
                    }
                }));
        return rates;
    }
}
