package tw.laborcloud.ops.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Service;

import tw.laborcloud.ops.deadletter.DeadLetter;
import tw.laborcloud.ops.deadletter.DeadLetters;
import tw.laborcloud.ops.kafka.KafkaOverview;
import tw.laborcloud.ops.trace.Trace.ConsumerOutcome;
import tw.laborcloud.ops.trace.Trace.Outcome;
import tw.laborcloud.ops.trace.TimelineEntry.Delivery;
import tw.laborcloud.platform.web.ApiException;

/**
 * Builds the trace of an application from the console's timeline, the consumer groups'
 * committed offsets and the dead letters. The outcome of an event for a group: dead-lettered
 * while a dead letter of it from that group waits; processed once the group's committed offset
 * is past the event's latest delivery; pending otherwise. No service is asked anything.
 */
@Service
public class TraceService {

    private final Timeline timeline;
    private final DeadLetters deadLetters;
    private final KafkaOverview kafka;

    TraceService(Timeline timeline, DeadLetters deadLetters, KafkaOverview kafka) {
        this.timeline = timeline;
        this.deadLetters = deadLetters;
        this.kafka = kafka;
    }

    public Trace trace(String query) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            throw ApiException.notFound("TRACE_QUERY_EMPTY", "請輸入申請編號或立案證書編號。");
        }
        List<TimelineEntry> entries = new ArrayList<>(timeline.find(q));
        if (entries.isEmpty()) {
            throw ApiException.notFound("TRACE_NOT_FOUND", "查無與「" + q + "」有關的事件（申請編號或立案證書編號）。");
        }
        // occurredAt orders the steps; the first delivery breaks ties (same millisecond)
        entries.sort(Comparator.comparing(TimelineEntry::occurredAt)
                .thenComparing(e -> e.deliveries().isEmpty() ? Long.MAX_VALUE : e.deliveries().getFirst().offset()));

        Set<String> topics = entries.stream().map(TimelineEntry::topic).collect(Collectors.toSet());
        Map<String, Map<TopicPartition, Long>> committed = kafka.committedOffsets(topics);
        Map<String, List<DeadLetter>> lettersByEvent = deadLetters
                .ofEvents(entries.stream().map(TimelineEntry::eventId).toList()).stream()
                .collect(Collectors.groupingBy(DeadLetter::eventId));

        List<Trace.Step> steps = new ArrayList<>();
        for (TimelineEntry e : entries) {
            List<DeadLetter> letters = lettersByEvent.getOrDefault(e.eventId(), List.of());
            steps.add(new Trace.Step(e.eventId(), e.eventType(), e.topic(), e.occurredAt(), e.applicationId(),
                    e.certificateNo(), e.correlationId(), e.traceId(), e.deliveries(), e.payload(),
                    outcomes(e, committed, letters)));
        }
        List<String> applications = entries.stream().map(TimelineEntry::applicationId).distinct().toList();
        return new Trace(q, applications, steps);
    }

    static List<ConsumerOutcome> outcomes(TimelineEntry entry, Map<String, Map<TopicPartition, Long>> committed,
            List<DeadLetter> letters) {
        // the consuming groups: those with offsets on the event's topic, and those that dead-lettered it
        Set<String> groups = new TreeSet<>();
        committed.forEach((group, offsets) -> {
            if (offsets.keySet().stream().anyMatch(tp -> tp.topic().equals(entry.topic()))) {
                groups.add(group);
            }
        });
        letters.stream().filter(l -> entry.topic().equals(l.originalTopic()) && l.group() != null)
                .forEach(l -> groups.add(l.group()));

        Delivery latest = entry.deliveries().stream().max(Comparator.comparing(Delivery::at)
                .thenComparingLong(Delivery::offset)).orElse(null);
        List<ConsumerOutcome> outcomes = new ArrayList<>();
        for (String group : groups) {
            List<DeadLetter> ofGroup = letters.stream()
                    .filter(l -> group.equals(l.group()) && entry.topic().equals(l.originalTopic())).toList();
            DeadLetter waiting = ofGroup.stream().filter(l -> l.status() != DeadLetter.Status.REPLAYED)
                    .max(Comparator.comparing(DeadLetter::deadAt)).orElse(null);
            if (waiting != null) {
                outcomes.add(new ConsumerOutcome(group, Outcome.DEAD_LETTERED, waiting.error(), waiting.id()));
                continue;
            }
            Long offset = latest == null ? null
                    : committed.getOrDefault(group, Map.of()).get(new TopicPartition(entry.topic(), latest.partition()));
            boolean processed = offset != null && offset > latest.offset();
            String detail = !ofGroup.isEmpty() && processed
                    ? "重送後已處理（" + ofGroup.getLast().replayedBy() + "）" : null;
            outcomes.add(new ConsumerOutcome(group, processed ? Outcome.PROCESSED : Outcome.PENDING, detail, null));
        }
        return outcomes;
    }
}
