package tw.laborcloud.review.cases;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import tw.laborcloud.events.document.DocumentsVerified;
import tw.laborcloud.events.registration.RegistrationSubmitted;
import tw.laborcloud.events.registration.UnionDetails;
import tw.laborcloud.platform.outbox.PendingEvent;

/**
 * An application as the bureau sees it. Built from events that may arrive in any order
 * (the verification can come before the registration data), so every part is optional
 * until it arrives.
 */
@Document(Cases.COLLECTION)
public record ReviewCase(
        @Id String applicationId,
        String certificateNo,
        String unionName,
        String contactEmail,
        UnionDetails details,
        Instant contactEmailConfirmedAt,
        List<RegistrationSubmitted.SubmittedDocument> documents,
        Instant submittedAt,
        Verification verification,
        Decision decision,
        List<HistoryEntry> history,
        List<PendingEvent> pendingEvents,
        List<String> appliedEvents) {

    public record Verification(DocumentsVerified.Verdict verdict, List<DocumentsVerified.VerifiedDocument> documents,
            Instant verifiedAt) {
    }

    public record Decision(String outcome, String reason, String decidedBy, Instant decidedAt) {
    }

    /** Append-only: who did what, when and from where. */
    public record HistoryEntry(Instant at, String actor, String action, String detail, String remoteAddress) {
    }

    public CaseStatus status() {
        if (decision != null) {
            return "APPROVED".equals(decision.outcome()) ? CaseStatus.APPROVED : CaseStatus.REJECTED;
        }
        if (certificateNo == null) {
            return CaseStatus.AWAITING_REGISTRATION;
        }
        return verification == null ? CaseStatus.AWAITING_DOCUMENTS : CaseStatus.READY_FOR_REVIEW;
    }
}
