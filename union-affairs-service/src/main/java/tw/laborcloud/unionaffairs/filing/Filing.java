package tw.laborcloud.unionaffairs.filing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import tw.laborcloud.platform.outbox.PendingEvent;

/**
 * One filing of a union (collection {@code filings}). {@code form} is kept as the union
 * sent it, so a draft may be partial; {@code round} counts submissions (0 for a draft never
 * submitted); {@code revision} goes up with every change the union makes, for optimistic
 * concurrency. Each write is one conditional single-document update; the FilingSubmitted
 * event rides along in {@code pendingEvents} (outbox), and {@code appliedEvents} lists the
 * decisions already taken in. {@code usedUploadIds} are the uploads its submissions used,
 * absent before the first; unique across filings (an upload serves one filing, see
 * {@link Filings}).
 */
@Document(Filing.COLLECTION)
record Filing(
        @Id String filingId,
        String unionId,
        FilingType type,
        FilingStatus status,
        int round,
        long revision,
        Map<String, Object> form,
        List<AttachmentRef> attachments,
        LocalDate dueBy,
        String returnReason,
        List<HistoryEntry> history,
        Instant createdAt,
        Instant firstSubmittedAt,
        Instant submittedAt,
        Instant decidedAt,
        List<String> appliedEvents,
        List<PendingEvent> pendingEvents,
        List<String> usedUploadIds) {

    static final String COLLECTION = "filings";

    Filing {
        form = form == null ? Map.of() : form;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        history = history == null ? List.of() : List.copyOf(history);
        appliedEvents = appliedEvents == null ? List.of() : List.copyOf(appliedEvents);
        pendingEvents = pendingEvents == null ? List.of() : List.copyOf(pendingEvents);
    }

    /** Who did what when: the union's clerk (by login name) or the bureau (by the decider's name). */
    record HistoryEntry(Instant at, String actor, Action action, String detail) {
    }

    enum Action {
        CREATED("建立草稿"),
        UPDATED("修改內容"),
        SUBMITTED("送出"),
        RESUBMITTED("補正後重新送出"),
        RETURNED("退回補正"),
        ACCEPTED("准予備查");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }
}
