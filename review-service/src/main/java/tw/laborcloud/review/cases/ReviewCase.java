package tw.laborcloud.review.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import tw.laborcloud.events.document.DocumentsVerified;
import tw.laborcloud.events.registration.RegistrationSubmitted;
import tw.laborcloud.events.registration.UnionDetails;
import tw.laborcloud.platform.outbox.PendingEvent;

/**
 * An application as the bureau sees it. Built from events that may arrive in any order
 * (the verification can come before the registration data), so every part is optional
 * until it arrives. Officers act on it in two steps: a reviewer's {@link Proposal}, then a
 * supervisor's sign-off; {@code revision} counts those actions so that of two officers
 * acting at once exactly one write matches.
 *
 * @param documentsRound the newest document set received (1 = the registration's own)
 * @param replacements   the documents the applicant sent after each supplement request
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
        Integer documentsRound,
        List<Replacement> replacements,
        Proposal proposal,
        SupplementRequest supplementRequest,
        Decision decision,
        Long revision,
        List<HistoryEntry> history,
        List<PendingEvent> pendingEvents,
        List<String> appliedEvents) {

    /** The document service's result for one round of documents. */
    public record Verification(DocumentsVerified.Verdict verdict, List<DocumentsVerified.VerifiedDocument> documents,
            Instant verifiedAt, Integer round) {

        public int roundOrFirst() {
            return round == null ? 1 : round;
        }
    }

    public record Replacement(int round, List<RegistrationSubmitted.SubmittedDocument> documents, Instant receivedAt) {
    }

    /** What a reviewer (承辦人) proposes; only a supervisor's sign-off makes it a decision. */
    public record Proposal(Outcome outcome, String reason, List<RequestedDocument> documents, String note,
            String proposedBy, Instant proposedAt) {
    }

    public enum Outcome {
        APPROVE("擬核准"), REJECT("擬駁回"), SUPPLEMENT("擬退回補正");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record RequestedDocument(String kind, String reason) {
    }

    /** A signed-off return for supplements: waits for the documents of {@code round}. */
    public record SupplementRequest(int round, List<RequestedDocument> documents, String note, String proposedBy,
            String signedOffBy, Instant requestedAt) {
    }

    /** The final decision: APPROVED or REJECTED, proposed by one officer and signed off by another. */
    public record Decision(String outcome, String reason, String decidedBy, Instant decidedAt, String proposedBy) {
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
        int verified = verification == null ? 0 : verification.roundOrFirst();
        if (receivedRound() < expectedRound()) {
            // the replacement and its verification come on different topics: until the documents
            // themselves are here, a verification of them alone does not make the case reviewable
            return verified >= expectedRound() ? CaseStatus.AWAITING_DOCUMENTS : CaseStatus.AWAITING_SUPPLEMENTS;
        }
        if (verified < receivedRound()) {
            return CaseStatus.AWAITING_DOCUMENTS;
        }
        return proposal == null ? CaseStatus.READY_FOR_REVIEW : CaseStatus.AWAITING_SIGN_OFF;
    }

    /** The round of documents the case waits for: 1, or the one a supplement request asked for. */
    public int expectedRound() {
        return supplementRequest == null ? 1 : supplementRequest.round();
    }

    public int receivedRound() {
        return documentsRound == null ? 1 : documentsRound;
    }

    /** True when the newest documents are on the case and the verification on it is of them. */
    public boolean documentsVerified() {
        return verification != null && receivedRound() >= expectedRound()
                && verification.roundOrFirst() >= receivedRound();
    }

    public long revisionOrZero() {
        return revision == null ? 0 : revision;
    }

    /** The documents as they stand now: the registration's, each kind replaced by its newest replacement. */
    public List<RegistrationSubmitted.SubmittedDocument> currentDocuments() {
        Map<String, RegistrationSubmitted.SubmittedDocument> byKind = new LinkedHashMap<>();
        if (documents != null) {
            documents.forEach(d -> byKind.put(d.kind(), d));
        }
        if (replacements != null) {
            replacements.stream().sorted((a, b) -> Integer.compare(a.round(), b.round()))
                    .forEach(r -> r.documents().forEach(d -> byKind.put(d.kind(), d)));
        }
        return new ArrayList<>(byKind.values());
    }

    public List<HistoryEntry> historyOrEmpty() {
        return history == null ? List.of() : history;
    }
}
