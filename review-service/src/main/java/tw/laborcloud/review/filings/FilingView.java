package tw.laborcloud.review.filings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import tw.laborcloud.events.affairs.FilingSubmitted.FormField;
import tw.laborcloud.events.registration.DocumentKinds;
import tw.laborcloud.platform.security.Roles;
import tw.laborcloud.review.audit.Actor;
import tw.laborcloud.review.cases.CaseView.Permissions;
import tw.laborcloud.review.cases.ReviewCase.HistoryEntry;

/** A filing as its page shows it, with what the officer looking at it may do now. */
public record FilingView(String filingId, String unionId, String certificateNo, String unionName, String filingType,
        String filingTypeLabel, int round, FilingCase.Status status, String statusLabel, long revision,
        Instant submittedAt, LocalDate dueBy, boolean overdue, List<FormField> form, List<Attachment> attachments,
        FilingCase.Proposal proposal, FilingCase.Decision decision, List<HistoryEntry> history,
        Permissions permissions) {

    public record Attachment(String kind, String label, String uploadId) {
    }

    static FilingView of(FilingCase f, Actor viewer) {
        List<Attachment> attachments = f.attachments() == null ? List.of() : f.attachments().stream()
                .map(a -> new Attachment(a.kind(), DocumentKinds.label(a.kind()), a.uploadId())).toList();
        return new FilingView(f.filingId(), f.unionId(), f.certificateNo(), f.unionName(), f.filingType(),
                f.filingTypeLabel(), f.roundOrFirst(), f.status(), f.status().label(), f.revisionOrZero(),
                f.submittedAt(), f.dueBy(), Boolean.TRUE.equals(f.overdue()), f.form() == null ? List.of() : f.form(),
                attachments, f.proposal(), f.decision(), f.historyOrEmpty(), permissions(f, viewer));
    }

    private static Permissions permissions(FilingCase f, Actor viewer) {
        return switch (f.status()) {
            case READY_FOR_REVIEW -> {
                boolean reviewer = viewer.hasRole(Roles.REVIEWER);
                yield new Permissions(reviewer, false, false, reviewer ? null : "擬辦由承辦人為之");
            }
            case AWAITING_SIGN_OFF -> {
                boolean approver = viewer.hasRole(Roles.APPROVER);
                boolean own = f.proposal().proposedBy().equals(viewer.username());
                yield new Permissions(false, approver && !own, approver && !own,
                        !approver ? "核定由主管為之" : own ? "擬辦人與核定人不得為同一人" : null);
            }
            default -> new Permissions(false, false, false, "案件目前為「" + f.status().label() + "」");
        };
    }
}
