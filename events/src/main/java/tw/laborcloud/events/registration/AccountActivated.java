package tw.laborcloud.events.registration;

import java.time.Instant;

import tw.laborcloud.events.DomainEvent;
import tw.laborcloud.events.EventIds;

/** The union's Keycloak account exists and can log in; username = certificate number. */
public record AccountActivated(
        String eventId,
        Instant occurredAt,
        String applicationId,
        String correlationId,
        int schemaVersion,
        String unionId,
        String certificateNo,
        String username,
        String unionName,
        String contactEmail,
        UnionDetails details) implements DomainEvent {

    /** 2 added {@code details}: the registration's form data the union's profile starts from (null in version 1). */
    public static final int SCHEMA_VERSION = 2;

    public static AccountActivated of(String applicationId, String correlationId, String unionId,
            String certificateNo, String username, String unionName, String contactEmail) {
        return of(applicationId, correlationId, unionId, certificateNo, username, unionName, contactEmail, null);
    }

    public static AccountActivated of(String applicationId, String correlationId, String unionId,
            String certificateNo, String username, String unionName, String contactEmail, UnionDetails details) {
        return new AccountActivated(EventIds.next(), Instant.now(), applicationId, correlationId, SCHEMA_VERSION,
                unionId, certificateNo, username, unionName, contactEmail, details);
    }

    @Override
    public String toString() {
        return "AccountActivated[" + eventId + ", " + applicationId + ", " + unionId + "]";
    }
}
