package tw.laborcloud.events.registration;

import java.time.Instant;

import tw.laborcloud.events.DomainEvent;
import tw.laborcloud.events.EventIds;

/**
 * The registration service asks for the receipt mail with the address-confirmation link (the seed's 認證信).
 * It carries the link's secret, so it travels on a topic of its own ({@code Topics.EMAIL_CONFIRMATION_REQUESTED})
 * that, of the business services, only the notification service may read (ops-console reads every topic and
 * masks the token before it stores anything). {@link RegistrationSubmitted}, which the document and review
 * services read, no longer carries the token (its version 3). This event also carries what the receipt mail
 * names (union, certificate number, address), so the one receipt is written from this event alone, whichever
 * of the two arrives first.
 *
 * @param emailConfirmationToken the secret of the link; the registration service keeps only its hash
 */
public record EmailConfirmationRequested(
        String eventId,
        Instant occurredAt,
        String applicationId,
        String correlationId,
        int schemaVersion,
        String certificateNo,
        String unionName,
        String contactEmail,
        String emailConfirmationToken) implements DomainEvent {

    public static final int SCHEMA_VERSION = 1;

    public static EmailConfirmationRequested of(String applicationId, String correlationId, String certificateNo,
            String unionName, String contactEmail, String emailConfirmationToken) {
        return new EmailConfirmationRequested(EventIds.next(), Instant.now(), applicationId, correlationId,
                SCHEMA_VERSION, certificateNo, unionName, contactEmail, emailConfirmationToken);
    }

    /** Never prints the token (events end up in logs and exception messages). */
    @Override
    public String toString() {
        return "EmailConfirmationRequested[" + eventId + ", " + applicationId + "]";
    }
}
