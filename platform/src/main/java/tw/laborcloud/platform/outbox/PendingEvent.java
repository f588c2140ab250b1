package tw.laborcloud.platform.outbox;

import java.time.Instant;

/**
 * An event waiting in its aggregate's document until Kafka has it. Stored in the
 * aggregate's {@code pendingEvents} list by the same single-document write that changes
 * the aggregate's state, so the state change and its events are never separated.
 *
 * @param payload the event as JSON, exactly the bytes that go to Kafka
 */
public record PendingEvent(String eventId, String topic, String key, String type, String payload,
        String correlationId, Instant createdAt) {

    /** Field name under which aggregates keep their pending events. */
    public static final String FIELD = "pendingEvents";
}
