package tw.laborcloud.review.filings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import tw.laborcloud.events.affairs.FilingSubmitted.FormField;
import tw.laborcloud.events.registration.RegistrationSubmitted.SubmittedDocument;
import tw.laborcloud.platform.outbox.PendingEvent;
import tw.laborcloud.review.cases.ReviewCase.HistoryEntry;

/**
 * A union-affairs filing (工會會務申請或備查) as the bureau sees it, built from FilingSubmitted:
 * each submission (round) is decided in the same two steps as a registration, a reviewer's
 * proposal and a supervisor's sign-off. A returned filing comes back as the next round.
 */
@Document(FilingCases.COLLECTION)
public record FilingCase(
        @Id String filingId,
        String unionId,
        String certificateNo,
        String unionName,
        String filingType,
        String filingTypeLabel,
        Integer round,
        List<FormField> form,
        List<SubmittedDocument> attachments,
        LocalDate dueBy,
        Boolean overdue,
        Instant submittedAt,
        Proposal proposal,
        Decision decision,
        Long revision,
        List<HistoryEntry> history,
        List<PendingEvent> pendingEvents,
        List<String> appliedEvents) {

    public enum Outcome {
        ACCEPT("擬准予備查"), RETURN("擬退回補正");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Proposal(Outcome outcome, String reason, String note, String proposedBy, Instant proposedAt) {
    }

    /** The signed-off decision on one round: ACCEPTED or RETURNED. */
    public record Decision(String outcome, String reason, String decidedBy, String proposedBy, Instant decidedAt,
            int round) {
    }

    public enum Status {
        READY_FOR_REVIEW("待審查"), AWAITING_SIGN_OFF("待主管核定"), RETURNED("已退回補正"), ACCEPTED("已備查");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public int roundOrFirst() {
        return round == null ? 1 : round;
    }

    public Status status() {
        if (decision != null && decision.round() == roundOrFirst()) {
            return "ACCEPTED".equals(decision.outcome()) ? Status.ACCEPTED : Status.RETURNED;
        }
        return proposal == null ? Status.READY_FOR_REVIEW : Status.AWAITING_SIGN_OFF;
    }

    public boolean open() {
        return status() == Status.READY_FOR_REVIEW || status() == Status.AWAITING_SIGN_OFF;
    }

    public long revisionOrZero() {
        return revision == null ? 0 : revision;
    }

    public List<HistoryEntry> historyOrEmpty() {
        return history == null ? List.of() : history;
    }
}
