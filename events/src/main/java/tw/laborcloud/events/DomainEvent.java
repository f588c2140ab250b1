package tw.laborcloud.events;

import java.time.Instant;

/**
 * What every business event carries. Records implement it; consumers rely only on these
 * accessors for idempotency (eventId), ordering hints (occurredAt) and tracing
 * (correlationId). Contracts change additively only; schemaVersion says which shape a
 * producer wrote.
 */
public interface DomainEvent {

    String eventId();

    Instant occurredAt();

    /** The aggregate this event is about; Kafka messages are keyed by it. */
    String applicationId();

    String correlationId();

    int schemaVersion();
}
