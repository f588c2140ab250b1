package tw.laborcloud.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import tw.laborcloud.notification.mail.MailContent;

/**
 * One e-mail per business event: the id {@code <kind>:<applicationId>} (with the event id
 * where one application can see the event more than once, e.g. supplement requests) is what
 * makes a second delivery of the event (or a second event for the same business fact) a no-op.
 * {@code details} keeps what a notice waiting for its recipient needs to be rendered later.
 * {@code deliveries} records every attempt (sent, retrying, failed, with the reason) and
 * {@code resends} who put a failed notice back in the queue, and when. {@code attachments} are the files the
 * mail carries (the receipt's submission copy), kept with the notice so that a retry sends them again.
 */
@Document(Notification.COLLECTION)
public record Notification(
        @Id String id,
        String kind,
        String applicationId,
        String to,
        String subject,
        String text,
        String html,
        NotificationStatus status,
        int attempts,
        String lastError,
        Instant nextAttemptAt,
        Instant leaseUntil,
        String claimToken,
        Map<String, String> details,
        Instant createdAt,
        Instant sentAt,
        List<DeliveryAttempt> deliveries,
        List<Resend> resends,
        List<MailContent.Attachment> attachments) {

    public static final String COLLECTION = "notifications";

    /** A notice without delivery history yet (the store maps the canonical constructor, as for every record). */
    public Notification(String id, String kind, String applicationId, String to, String subject, String text,
            String html, NotificationStatus status, int attempts, String lastError, Instant nextAttemptAt,
            Instant leaseUntil, String claimToken, Map<String, String> details, Instant createdAt, Instant sentAt) {
        this(id, kind, applicationId, to, subject, text, html, status, attempts, lastError, nextAttemptAt, leaseUntil,
                claimToken, details, createdAt, sentAt, List.of(), List.of(), List.of());
    }

    public static String id(String kind, String applicationId) {
        return kind + ":" + applicationId;
    }

    public List<DeliveryAttempt> deliveries() {
        return deliveries == null ? List.of() : deliveries;
    }

    public List<Resend> resends() {
        return resends == null ? List.of() : resends;
    }

    public List<MailContent.Attachment> attachments() {
        return attachments == null ? List.of() : attachments;
    }

    /** One attempt to hand the mail to the SMTP relay: SENT, RETRYING (due again at nextAttemptAt) or FAILED. */
    public record DeliveryAttempt(Instant at, Outcome outcome, String error, Instant nextAttemptAt) {

        public enum Outcome {
            SENT, RETRYING, FAILED
        }
    }

    /** An operator put a failed notice back in the queue. */
    public record Resend(String by, Instant at) {
    }

    /** A notice whose address is known: due at once. */
    public static Notification pending(String kind, String applicationId, String to, MailContent content,
            Instant now) {
        return pending(id(kind, applicationId), kind, applicationId, to, content, now);
    }

    public static Notification pending(String id, String kind, String applicationId, String to, MailContent content,
            Instant now) {
        return new Notification(id, kind, applicationId, to, content.subject(), content.text(), content.html(),
                NotificationStatus.PENDING, 0, null, now, null, null, Map.of(), now, null, List.of(), List.of(),
                content.attachments());
    }

    /** A notice whose address comes with another event; rendered from {@code details} then. */
    public static Notification waiting(String kind, String applicationId, Map<String, String> details, Instant now) {
        return waiting(id(kind, applicationId), kind, applicationId, details, now);
    }

    public static Notification waiting(String id, String kind, String applicationId, Map<String, String> details,
            Instant now) {
        return new Notification(id, kind, applicationId, null, null, null, null,
                NotificationStatus.WAITING_FOR_RECIPIENT, 0, null, null, null, null, Map.copyOf(details), now, null);
    }
}
