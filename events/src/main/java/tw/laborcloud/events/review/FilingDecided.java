package tw.laborcloud.events.review;

import java.time.Instant;

import tw.laborcloud.events.DomainEvent;
import tw.laborcloud.events.EventIds;

/**
 * The bureau signed off its decision on a union-affairs filing: accepted for the record
 * (備查) or returned with a reason for corrections. {@code applicationId} is the filing id;
 * {@code filingTypeLabel} is the label of the filing's type as the union saw it (for the mail).
 * The union-affairs service applies an accepted change to the union's profile; an accepted
 * dissolution closes the union's account.
 */
public record FilingDecided(
        String eventId,
        Instant occurredAt,
        String applicationId,
        String correlationId,
        int schemaVersion,
        String unionId,
        String certificateNo,
        String filingType,
        String filingTypeLabel,
        int round,
        Outcome outcome,
        String reason,
        String decidedBy) implements DomainEvent {

    public static final int SCHEMA_VERSION = 1;

    public static FilingDecided of(String filingId, String correlationId, String unionId, String certificateNo,
            String filingType, String filingTypeLabel, int round, Outcome outcome, String reason, String decidedBy) {
        return new FilingDecided(EventIds.next(), Instant.now(), filingId, correlationId, SCHEMA_VERSION, unionId,
                certificateNo, filingType, filingTypeLabel, round, outcome, reason, decidedBy);
    }

    public enum Outcome {
        /** Accepted for the record (備查 / 核准). */
        ACCEPTED,
        /** Returned to the union with the reason; it may correct and resubmit. */
        RETURNED
    }
}
