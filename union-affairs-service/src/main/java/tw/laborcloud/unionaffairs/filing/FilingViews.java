package tw.laborcloud.unionaffairs.filing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import tw.laborcloud.events.registration.DocumentKinds;
import tw.laborcloud.unionaffairs.filing.FieldSpec.Choice;
import tw.laborcloud.unionaffairs.filing.FieldSpec.Kind;
import tw.laborcloud.unionaffairs.filing.FilingType.Attachment;

/** What the API shows of filings and of their types. */
final class FilingViews {

    private FilingViews() {
    }

    record FilingView(String filingId, String unionId, String type, String typeLabel, FilingStatus status,
            String statusLabel, int round, long revision, Map<String, Object> form,
            List<AttachmentView> attachments, LocalDate dueBy, boolean overdue, Long daysLeft, String returnReason,
            List<HistoryView> history, Instant createdAt, Instant submittedAt, Instant decidedAt) {

        static FilingView of(Filing f, Clock clock) {
            Deadline d = Deadline.of(f, clock);
            return new FilingView(f.filingId(), f.unionId(), f.type().name(), f.type().label(), f.status(),
                    f.status().label(), f.round(), f.revision(), f.form(),
                    f.attachments().stream().map(a -> new AttachmentView(a.kind(), DocumentKinds.label(a.kind()),
                            a.uploadId(), a.ticket())).toList(),
                    f.dueBy(), d.overdue(), d.daysLeft(), f.returnReason(),
                    f.history().stream().map(h -> new HistoryView(h.at(), h.actor(), h.action().name(),
                            h.action().label(), h.detail())).toList(),
                    f.createdAt(), f.submittedAt(), f.decidedAt());
        }
    }

    record FilingSummary(String filingId, String type, String typeLabel, FilingStatus status, String statusLabel,
            int round, Instant createdAt, Instant submittedAt, Instant decidedAt, LocalDate dueBy, boolean overdue,
            Long daysLeft, String returnReason) {

        static FilingSummary of(Filing f, Clock clock) {
            Deadline d = Deadline.of(f, clock);
            return new FilingSummary(f.filingId(), f.type().name(), f.type().label(), f.status(), f.status().label(),
                    f.round(), f.createdAt(), f.submittedAt(), f.decidedAt(), f.dueBy(), d.overdue(), d.daysLeft(),
                    f.returnReason());
        }
    }

    /** An attachment as the union's page shows it and sends it back (with its ticket) when the draft is saved. */
    record AttachmentView(String kind, String label, String uploadId, String ticket) {
    }

    record HistoryView(Instant at, String actor, String action, String actionLabel, String detail) {
    }

    private record Deadline(boolean overdue, Long daysLeft) {
        static Deadline of(Filing f, Clock clock) {
            LocalDate today = Deadlines.today(clock);
            LocalDate first = Deadlines.dayOf(f.firstSubmittedAt());
            return new Deadline(Deadlines.overdue(f.dueBy(), first, today), Deadlines.daysLeft(f.dueBy(), first, today));
        }
    }

    record FilingTypeView(String type, String label, String description, List<FieldView> fields,
            List<Attachment> attachments, String deadline) {

        static FilingTypeView of(FilingType t) {
            return new FilingTypeView(t.name(), t.label(), t.description(),
                    t.fields().stream().map(f -> new FieldView(f.name(), f.label(), f.kind(), f.required(),
                            f.choices(), f.hint())).toList(),
                    t.attachments(), t.deadline());
        }
    }

    record FieldView(String name, String label, Kind kind, boolean required, List<Choice> choices, String hint) {
    }
}
