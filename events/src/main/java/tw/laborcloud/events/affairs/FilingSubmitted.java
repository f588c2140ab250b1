package tw.laborcloud.events.affairs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import tw.laborcloud.events.DomainEvent;
import tw.laborcloud.events.EventIds;
import tw.laborcloud.events.registration.RegistrationSubmitted.SubmittedDocument;

/**
 * An active union submitted (or, after a return, resubmitted) a union-affairs filing
 * (工會會務申請或備查). For filings the aggregate is the filing: {@code applicationId} is the
 * filing id. {@code form} is what the union filled in, as label/value pairs an officer reads;
 * the union-affairs service keeps the typed form and applies it when the filing is accepted.
 *
 * @param filingType  e.g. ADDRESS_CHANGE (see the union-affairs service's FilingType)
 * @param round       1 for the first submission, +1 for each resubmission after a return
 * @param dueBy       the legal deadline, when the filing type has one
 */
public record FilingSubmitted(
        String eventId,
        Instant occurredAt,
        String applicationId,
        String correlationId,
        int schemaVersion,
        String unionId,
        String certificateNo,
        String unionName,
        String filingType,
        String filingTypeLabel,
        int round,
        List<FormField> form,
        List<SubmittedDocument> attachments,
        LocalDate dueBy,
        boolean overdue) implements DomainEvent {

    public static final int SCHEMA_VERSION = 1;

    public FilingSubmitted {
        form = form == null ? List.of() : List.copyOf(form);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static FilingSubmitted of(String filingId, String correlationId, String unionId, String certificateNo,
            String unionName, String filingType, String filingTypeLabel, int round, List<FormField> form,
            List<SubmittedDocument> attachments, LocalDate dueBy, boolean overdue) {
        return new FilingSubmitted(EventIds.next(), Instant.now(), filingId, correlationId, SCHEMA_VERSION, unionId,
                certificateNo, unionName, filingType, filingTypeLabel, round, form, attachments, dueBy, overdue);
    }

    /** One answer of the filing's form, e.g. ("newAddress", "新會址", "220 新北市板橋區…"). */
    public record FormField(String name, String label, String value) {
    }
}
