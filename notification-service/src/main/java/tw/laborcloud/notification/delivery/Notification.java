package tw.laborcloud.notification.delivery;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import tw.laborcloud.notification.mail.MailContent;

/**
 * One e-mail per business event: the id {@code <kind>:<applicationId>} is what makes a
 * second delivery of the event (or a second event for the same business fact) a no-op.
 * {@code details} keeps what a notice waiting for its recipient needs to be rendered later.
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
        Instant sentAt) {

    public static final String COLLECTION = "notifications";

    public static String id(String kind, String applicationId) {
        return kind + ":" + applicationId;
    }

    /** A notice whose address is known: due at once. */
    public static Notification pending(String kind, String applicationId, String to, MailContent content,
            Instant now) {
        return new Notification(id(kind, applicationId), kind, applicationId, to, content.subject(), content.text(),
                content.html(), NotificationStatus.PENDING, 0, null, now, null, null, Map.of(), now, null);
    }

    /** A notice whose address comes with another event; rendered from {@code details} then. */
    public static Notification waiting(String kind, String applicationId, Map<String, String> details, Instant now) {
        return new Notification(id(kind, applicationId), kind, applicationId, null, null, null, null,
                NotificationStatus.WAITING_FOR_RECIPIENT, 0, null, null, null, null, Map.copyOf(details), now, null);
    }
}
