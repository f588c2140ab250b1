package tw.laborcloud.events.review;

import java.time.Instant;

import tw.laborcloud.events.DomainEvent;
import tw.laborcloud.events.EventIds;

/** The bureau approved the registration (after sign-off); the account may be opened. */
public record ApplicationApproved(
        String eventId,
        Instant occurredAt,
        String applicationId,
        String correlationId,
        int schemaVersion,
        String certificateNo,
        String decidedBy) implements DomainEvent {

    public static final int SCHEMA_VERSION = 1;

    public static ApplicationApproved of(String applicationId, String correlationId, String certificateNo,
            String decidedBy) {
        return new ApplicationApproved(EventIds.next(), Instant.now(), applicationId, correlationId, SCHEMA_VERSION,
                certificateNo, decidedBy);
    }
}
