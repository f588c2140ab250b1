package tw.laborcloud.events.review;

import java.time.Instant;
import java.util.List;

import tw.laborcloud.events.DomainEvent;
import tw.laborcloud.events.EventIds;

/** The bureau (after sign-off) returned the application for supplements: which documents and why. */
public record SupplementRequested(
        String eventId,
        Instant occurredAt,
        String applicationId,
        String correlationId,
        int schemaVersion,
        String certificateNo,
        List<RequestedDocument> documents,
        String note,
        String decidedBy) implements DomainEvent {

    public static final int SCHEMA_VERSION = 1;

    public SupplementRequested {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    public static SupplementRequested of(String applicationId, String correlationId, String certificateNo,
            List<RequestedDocument> documents, String note, String decidedBy) {
        return new SupplementRequested(EventIds.next(), Instant.now(), applicationId, correlationId, SCHEMA_VERSION,
                certificateNo, documents, note, decidedBy);
    }

    /** A document kind to replace and the officer's reason, shown to the applicant. */
    public record RequestedDocument(String kind, String reason) {
    }
}
