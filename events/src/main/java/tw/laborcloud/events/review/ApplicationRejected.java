package tw.laborcloud.events.review;

import java.time.Instant;

import tw.laborcloud.events.DomainEvent;
import tw.laborcloud.events.EventIds;

/** The bureau rejected the registration, with the reason the applicant is told. */
public record ApplicationRejected(
        String eventId,
        Instant occurredAt,
        String applicationId,
        String correlationId,
        int schemaVersion,
        String certificateNo,
        String reason,
        String decidedBy) implements DomainEvent {

    public static final int SCHEMA_VERSION = 1;

    public static ApplicationRejected of(String applicationId, String correlationId, String certificateNo,
            String reason, String decidedBy) {
        return new ApplicationRejected(EventIds.next(), Instant.now(), applicationId, correlationId, SCHEMA_VERSION,
                certificateNo, reason, decidedBy);
    }
}
