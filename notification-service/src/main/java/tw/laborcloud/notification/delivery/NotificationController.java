package tw.laborcloud.notification.delivery;

import java.time.Instant;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.laborcloud.platform.web.ApiException;
import tw.laborcloud.platform.web.FieldViolation;

/**
 * What was (or will be) sent, for officers and operations: the notices of an application, or
 * all notices in one state (ops look at the FAILED ones), and the resend of a failed one.
 */
@Tag(name = "通知", description = "寄出之電子郵件")
@RestController
class NotificationController {

    private static final int LIST_LIMIT = 200;

    private final Notifications notifications;
    private final NotificationDispatcher dispatcher;

    NotificationController(Notifications notifications, NotificationDispatcher dispatcher) {
        this.notifications = notifications;
        this.dispatcher = dispatcher;
    }

    @Operation(summary = "通知紀錄", description = "依申請編號列出寄出（或待寄、失敗）之電子郵件。")
    @GetMapping("/api/notifications")
    List<NotificationView> list(@RequestParam(required = false) String applicationId,
            @RequestParam(required = false) NotificationStatus status) {
        if (applicationId != null && !applicationId.isBlank()) {
            return notifications.ofApplication(applicationId).stream()
                    .filter(n -> status == null || n.status() == status).map(NotificationView::of).toList();
        }
        if (status != null) {
            return notifications.withStatus(status, LIST_LIMIT).stream().map(NotificationView::of).toList();
        }
        throw ApiException.invalid(List.of(new FieldViolation("applicationId", "REQUIRED",
                "請指定申請編號（applicationId）或通知狀態（status）。")));
    }

    /** Ops put a notice that was given up on back in the queue; it is sent by the usual path, once. */
    @Operation(summary = "重寄通知", description = "再次寄出一封通知，記錄操作人員。限維運人員（ops）。")
    @PostMapping("/api/notifications/{id}/resend")
    NotificationView resend(@PathVariable String id, @AuthenticationPrincipal Jwt operator) {
        Notification notice = notifications.find(id)
                .orElseThrow(() -> ApiException.notFound("NOTIFICATION_NOT_FOUND", "查無此通知：" + id));
        if (notice.status() != NotificationStatus.FAILED
                || !notifications.resend(id, operatorName(operator), Instant.now())) {
            throw ApiException.conflict("NOTIFICATION_NOT_FAILED",
                    "只有寄送失敗（FAILED）的通知可以重新寄送；此通知目前為 " + notice.status() + "。");
        }
        dispatcher.dispatch(id);
        return NotificationView.of(notifications.find(id).orElseThrow());
    }

    private static String operatorName(Jwt jwt) {
        String name = jwt.getClaimAsString("preferred_username");
        return name == null || name.isBlank() ? jwt.getSubject() : name;
    }

    record NotificationView(String id, String kind, String applicationId, String to, String subject,
            NotificationStatus status, int attempts, String lastError, Instant nextAttemptAt, Instant createdAt,
            Instant sentAt, List<Notification.DeliveryAttempt> deliveries, List<Notification.Resend> resends) {

        static NotificationView of(Notification n) {
            return new NotificationView(n.id(), n.kind(), n.applicationId(), n.to(), n.subject(), n.status(),
                    n.attempts(), n.lastError(), n.nextAttemptAt(), n.createdAt(), n.sentAt(), n.deliveries(),
                    n.resends());
        }
    }
}
