package tw.laborcloud.ops.trace;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;

/**
 * One business event as the console saw it on its topic: the facts it carries, its payload
 * with personal data masked, and each time it was delivered to the topic (a replay delivers
 * the same event again, at a new offset).
 */
public record TimelineEntry(
        @Id String eventId,
        String eventType,
        String topic,
        String applicationId,
        String certificateNo,
        Instant occurredAt,
        String correlationId,
        String traceId,
        String payload,
        List<Delivery> deliveries) {

    public TimelineEntry {
        deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
    }

    /** @param replayedBy who replayed it from a dead-letter topic; null for the original publication */
    public record Delivery(int partition, long offset, Instant at, String replayedBy) {
    }
}
