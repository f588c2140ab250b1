package tw.laborcloud.notification.delivery;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What was (or will be) sent for an application, for officers and operations. */
@RestController
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/notifications")
    List<NotificationView> ofApplication(@RequestParam String applicationId) {
        return notifications.ofApplication(applicationId).stream().map(NotificationView::of).toList();
    }

    record NotificationView(String id, String kind, String applicationId, String to, String subject,
            NotificationStatus status, int attempts, String lastError, Instant nextAttemptAt, Instant createdAt,
            Instant sentAt) {

        static NotificationView of(Notification n) {
            return new NotificationView(n.id(), n.kind(), n.applicationId(), n.to(), n.subject(), n.status(),
                    n.attempts(), n.lastError(), n.nextAttemptAt(), n.createdAt(), n.sentAt());
        }
    }
}
