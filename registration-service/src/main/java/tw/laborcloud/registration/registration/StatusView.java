package tw.laborcloud.registration.registration;

import java.time.Instant;
import java.util.List;

/**
 * What the applicant may see with both numbers; never the password hash or the uploads.
 * While supplements are awaited it carries what the page needs to render their form.
 */
public record StatusView(String applicationId, String certificateNo, String unionName, Instant submittedAt,
        ApplicationStatus status, String statusLabel, boolean contactEmailConfirmed, int documentsRound,
        Instant documentsVerifiedAt, Instant supplementRequestedAt, List<RequestedDocumentView> supplementDocuments,
        String supplementNote, Instant supplementsReceivedAt, Instant decidedAt, String rejectionReason,
        Instant activatedAt) {

    public static StatusView of(Registration r) {
        List<RequestedDocumentView> requested = r.supplementDocuments() == null ? List.of()
                : r.supplementDocuments().stream()
                        .map(d -> new RequestedDocumentView(d.kind(), DocumentKind.labelOf(d.kind()), d.reason()))
                        .toList();
        return new StatusView(r.applicationId(), r.certificateNo(), r.unionName(), r.submittedAt(), r.status(),
                r.status().label(), r.emailConfirmation() != null && r.emailConfirmation().confirmedAt() != null,
                r.currentRound(), r.documentsVerifiedAt(), r.supplementRequestedAt(), requested,
                r.supplementNote(), r.supplementsReceivedAt(), r.decidedAt(),
                Registration.REJECTED.equals(r.decision()) ? r.decisionReason() : null, r.activatedAt());
    }

    /** A document the bureau asked to replace: its kind, the form's label for it and the officer's reason. */
    public record RequestedDocumentView(String kind, String label, String reason) {
    }
}
