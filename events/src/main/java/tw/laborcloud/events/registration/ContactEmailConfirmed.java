package tw.laborcloud.events.registration;

import java.time.Instant;

import tw.laborcloud.events.DomainEvent;
import tw.laborcloud.events.EventIds;

/** The applicant opened the confirmation link mailed to the contact address (the seed's 認證信). */
public record ContactEmailConfirmed(
        String eventId,
        Instant occurredAt,
        String applicationId,
        String correlationId,
        int schemaVersion,
        String contactEmail) implements DomainEvent {

    public static final int SCHEMA_VERSION = 1;

    public static ContactEmailConfirmed of(String applicationId, String correlationId, String contactEmail) {
        return new ContactEmailConfirmed(EventIds.next(), Instant.now(), applicationId, correlationId, SCHEMA_VERSION,
                contactEmail);
    }
}
