package tw.laborcloud.events.registration;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

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
 * <p>
 * Versions: 2 added {@code submissionCopy}, the submission copy (送件副本) as it was at submission, a PDF of
 * about 60 KB (base64 in the JSON), which the receipt mail carries as an attachment; a version-1 event has none
 * and its receipt goes without attachment. The copy shows the applicant's form, so this event stays on its
 * topic of its own as before.
 *
 * @param emailConfirmationToken the secret of the link; the registration service keeps only its hash
 * @param submissionCopy the PDF (version 2 on; null in version 1)
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
        String emailConfirmationToken,
        byte[] submissionCopy) implements DomainEvent {

    public static final int SCHEMA_VERSION = 2;

    public static EmailConfirmationRequested of(String applicationId, String correlationId, String certificateNo,
            String unionName, String contactEmail, String emailConfirmationToken, byte[] submissionCopy) {
        Objects.requireNonNull(submissionCopy, "submissionCopy");
        return new EmailConfirmationRequested(EventIds.next(), Instant.now(), applicationId, correlationId,
                SCHEMA_VERSION, certificateNo, unionName, contactEmail, emailConfirmationToken, submissionCopy);
    }

    /** The name the submission copy is offered (download) and attached (receipt mail) under. */
    public static String submissionCopyFileName(String applicationId) {
        return "送件副本-" + applicationId + ".pdf";
    }

    /** Compares the copy's bytes, not the array's identity (a record's own equals would). */
    @Override
    public boolean equals(Object other) {
        return other instanceof EmailConfirmationRequested e && eventId.equals(e.eventId)
                && occurredAt.equals(e.occurredAt) && Objects.equals(applicationId, e.applicationId)
                && Objects.equals(correlationId, e.correlationId) && schemaVersion == e.schemaVersion
                && Objects.equals(certificateNo, e.certificateNo) && Objects.equals(unionName, e.unionName)
                && Objects.equals(contactEmail, e.contactEmail)
                && Objects.equals(emailConfirmationToken, e.emailConfirmationToken)
                && Arrays.equals(submissionCopy, e.submissionCopy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId, occurredAt, applicationId, correlationId, schemaVersion, certificateNo, unionName,
                contactEmail, emailConfirmationToken) * 31 + Arrays.hashCode(submissionCopy);
    }

    /** Never prints the token or the copy (events end up in logs and exception messages). */
    @Override
    public String toString() {
        return "EmailConfirmationRequested[" + eventId + ", " + applicationId + "]";
    }
}
