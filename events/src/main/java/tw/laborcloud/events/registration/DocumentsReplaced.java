package tw.laborcloud.events.registration;

import java.time.Instant;
import java.util.List;

import tw.laborcloud.events.DomainEvent;
import tw.laborcloud.events.EventIds;

/**
 * After a supplement request the applicant uploaded replacements; {@code round} counts the
 * document sets of the application (1 = the registration's own, so replacements start at 2).
 */
public record DocumentsReplaced(
        String eventId,
        Instant occurredAt,
        String applicationId,
        String correlationId,
        int schemaVersion,
        int round,
        List<RegistrationSubmitted.SubmittedDocument> documents) implements DomainEvent {

    public static final int SCHEMA_VERSION = 1;

    public DocumentsReplaced {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    public static DocumentsReplaced of(String applicationId, String correlationId, int round,
            List<RegistrationSubmitted.SubmittedDocument> documents) {
        return new DocumentsReplaced(EventIds.next(), Instant.now(), applicationId, correlationId, SCHEMA_VERSION,
                round, documents);
    }
}
