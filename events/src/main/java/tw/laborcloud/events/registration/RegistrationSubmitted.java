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
        List<SubmittedDocument> documents) implements DomainEvent {

    public static final int SCHEMA_VERSION = 1;

    public RegistrationSubmitted {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    public static RegistrationSubmitted of(String applicationId, String correlationId, String certificateNo,
            String unionName, String contactEmail, List<SubmittedDocument> documents) {
        return new RegistrationSubmitted(EventIds.next(), Instant.now(), applicationId, correlationId,
                SCHEMA_VERSION, certificateNo, unionName, contactEmail, documents);
    }

    /** An upload the applicant staged in the document service, by its kind (e.g. CHARTER). */
    public record SubmittedDocument(String kind, String uploadId) {
    }
}
