package tw.laborcloud.events.registration;

import java.time.Instant;
import java.util.List;

import tw.laborcloud.events.DomainEvent;
import tw.laborcloud.events.EventIds;

/**
 * A union submitted its account registration. Carries what the document, review and
 * notification services need; never the password or its hash.
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

    /** 2 added {@code details} and {@code emailConfirmationToken} (both null in version 1). */
    public static final int SCHEMA_VERSION = 2;

    public RegistrationSubmitted {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    public static RegistrationSubmitted of(String applicationId, String correlationId, String certificateNo,
            String unionName, String contactEmail, List<SubmittedDocument> documents) {
        return of(applicationId, correlationId, certificateNo, unionName, contactEmail, documents, null, null);
    }

    /**
     * @param emailConfirmationToken the secret of the address-confirmation link the
     *     notification service mails; only its hash is stored by the registration service
     */
    public static RegistrationSubmitted of(String applicationId, String correlationId, String certificateNo,
            String unionName, String contactEmail, List<SubmittedDocument> documents, UnionDetails details,
            String emailConfirmationToken) {
        return new RegistrationSubmitted(EventIds.next(), Instant.now(), applicationId, correlationId,
                SCHEMA_VERSION, certificateNo, unionName, contactEmail, documents, details, emailConfirmationToken);
    }

    @Override
    public String toString() {
        return "RegistrationSubmitted[" + eventId + ", " + applicationId + "]";
    }

    /** An upload the applicant staged in the document service, by its kind (e.g. CHARTER). */
    public record SubmittedDocument(String kind, String uploadId) {
    }
}
