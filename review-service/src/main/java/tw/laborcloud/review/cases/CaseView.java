package tw.laborcloud.review.cases;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tw.laborcloud.events.document.CertificateReading;
import tw.laborcloud.events.document.DocumentsVerified;
import tw.laborcloud.events.registration.DocumentKinds;
import tw.laborcloud.events.registration.UnionDetails;
import tw.laborcloud.events.registration.UnionTypes;
import tw.laborcloud.platform.security.Roles;
import tw.laborcloud.review.audit.Actor;
import tw.laborcloud.review.register.RegisterChecks;

/**
 * A case as the case page shows it: the form data, each current document with the document
 * service's findings, the checks against the register, where the decision stands, the
 * history, and what the officer looking at it may do now.
 */
public record CaseView(
        String applicationId,
        String certificateNo,
        String unionName,
        String unionType,
        String unionTypeLabel,
        String contactEmail,
        Instant contactEmailConfirmedAt,
        UnionDetails details,
        Instant submittedAt,
        CaseStatus status,
        String statusLabel,
        long revision,
        int documentsRound,
        String verdict,
        Instant verifiedAt,
        List<DocumentView> documents,
        List<ReviewCase.Replacement> replacements,
        List<RegisterChecks.Check> registerChecks,
        ReviewCase.Proposal proposal,
        ReviewCase.SupplementRequest supplementRequest,
        ReviewCase.Decision decision,
        List<ReviewCase.HistoryEntry> history,
        Permissions permissions) {

    /**
     * An uploaded document with its label and, once verified, its findings; for the registration
     * certificate, what was read on it and how that compares with the form.
     */
    public record DocumentView(String kind, String label, String uploadId, String contentType, Long size,
            Integer pages, List<String> findings, boolean verified, CertificateReading reading) {
    }

    /** What the officer may do now; the server checks again on every action. */
    public record Permissions(boolean propose, boolean signOff, boolean sendBack, String reason) {
    }

    static CaseView of(ReviewCase c, List<RegisterChecks.Check> checks, Actor viewer) {
        Map<String, DocumentsVerified.VerifiedDocument> verified = new HashMap<>();
        if (c.verification() != null) {
            c.verification().documents().forEach(d -> verified.put(d.uploadId() == null ? d.kind() : d.uploadId(), d));
        }
        List<DocumentView> documents = c.currentDocuments().stream().map(d -> {
            DocumentsVerified.VerifiedDocument v = verified.get(d.uploadId());
            return v == null
                    ? new DocumentView(d.kind(), DocumentKinds.label(d.kind()), d.uploadId(), null, null, null, List.of(),
                            false, null)
                    : new DocumentView(d.kind(), DocumentKinds.label(d.kind()), d.uploadId(), v.contentType(), v.size(),
                            v.pages(), v.findings(), true, v.certificateReading());
        }).toList();
        String unionType = c.details() == null ? null : c.details().unionType();
        return new CaseView(c.applicationId(), c.certificateNo(), c.unionName(), unionType, UnionTypes.label(unionType),
                c.contactEmail(), c.contactEmailConfirmedAt(), c.details(), c.submittedAt(), c.status(),
                c.status().label(), c.revisionOrZero(), c.receivedRound(),
                c.verification() == null ? null : c.verification().verdict().name(),
                c.verification() == null ? null : c.verification().verifiedAt(), documents,
                c.replacements() == null ? List.of() : c.replacements(), checks, c.proposal(), c.supplementRequest(),
                c.decision(), c.historyOrEmpty(), permissions(c, viewer));
    }

    private static Permissions permissions(ReviewCase c, Actor viewer) {
        CaseStatus status = c.status();
        if (status == CaseStatus.READY_FOR_REVIEW) {
            boolean reviewer = viewer.hasRole(Roles.REVIEWER);
            return new Permissions(reviewer, false, false, reviewer ? null : "擬辦由承辦人為之");
        }
        if (status == CaseStatus.AWAITING_SIGN_OFF) {
            boolean approver = viewer.hasRole(Roles.APPROVER);
            boolean own = c.proposal().proposedBy().equals(viewer.username());
            String reason = !approver ? "核定由主管為之" : own ? "擬辦人與核定人不得為同一人" : null;
            return new Permissions(false, approver && !own, approver && !own, reason);
        }
        return new Permissions(false, false, false, "案件目前為「" + status.label() + "」");
    }
}
