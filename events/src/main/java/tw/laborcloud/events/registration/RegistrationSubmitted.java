package tw.laborcloud.events.registration;

import java.time.Instant;
import java.util.List;

import tw.laborcloud.events.DomainEvent;
import tw.laborcloud.events.EventIds;

/**
 * A union submitted its account registration. Carries what the document, review and
 * notification services need; never the password or its hash, and (from version 3) never the
 * secret of the address-confirmation link: that goes to the notification service alone in
 * {@link EmailConfirmationRequested}.
 */
public record RegistrationSubmitted(
        String eventId,
        Instant occurredAt,
        String applicationId,
        String correlationId,
        int schemaVersion,
        String certificateNo,
        String unionName,
        String contactEmail,
        List<SubmittedDocument> documents,
        UnionDetails details,
        String emailConfirmationToken) implements DomainEvent {

    /**
     * 2 added {@code details} and {@code emailConfirmationToken} (both null in version 1); 3 moved the token
     * to {@link EmailConfirmationRequested} on a topic of the notification service alone, so
     * {@code emailConfirmationToken} is null from version 3 on (the field stays so that version-2 events still
     * read, and the notification service still mails their link).
     */
    public static final int SCHEMA_VERSION = 3;

    /** The first version whose receipt mail comes from {@link EmailConfirmationRequested}, not from this event. */
    public static final int TOKEN_MOVED_OUT_IN_VERSION = 3;

    public RegistrationSubmitted {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    public static RegistrationSubmitted of(String applicationId, String correlationId, String certificateNo,
            String unionName, String contactEmail, List<SubmittedDocument> documents) {
        return of(applicationId, correlationId, certificateNo, unionName, contactEmail, documents, null);
    }

    public static RegistrationSubmitted of(String applicationId, String correlationId, String certificateNo,
            String unionName, String contactEmail, List<SubmittedDocument> documents, UnionDetails details) {
        return new RegistrationSubmitted(EventIds.next(), Instant.now(), applicationId, correlationId,
                SCHEMA_VERSION, certificateNo, unionName, contactEmail, documents, details, null);
    }

    @Override
    public String toString() {
        return "RegistrationSubmitted[" + eventId + ", " + applicationId + "]";
    }

    /** An upload the applicant staged in the document service, by its kind (e.g. CHARTER). */
    public record SubmittedDocument(String kind, String uploadId) {
    }
}
