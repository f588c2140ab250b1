package tw.laborcloud.notification.delivery;

import tw.laborcloud.platform.privacy.PersonalData;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends due notices: right after they are recorded, and from a periodic sweep for
 * retries. A notice is claimed with a conditional update before sending, so two
 * instances (or the sweep and a consumer) never send the same mail; a failure is
 * recorded and retried with backoff, never thrown back at the event consumer.
 */
@Component
public class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final int SWEEP_BATCH = 50;
    private static final int ERROR_LIMIT = 500;

    private final Notifications notifications;
    private final MailDelivery mail;
    private final RetryPolicy retry;
    private final Duration lease;
    private final Clock clock = Clock.systemUTC();
    private final Counter sent;
    private final Counter attemptsFailed;
    private final Counter givenUp;

    public NotificationDispatcher(Notifications notifications, MailDelivery mail, RetryPolicy retry,
            @Value("${laborcloud.notification.lease:PT1M}") Duration lease, MeterRegistry meters) {
        this.notifications = notifications;
        this.mail = mail;
        this.retry = retry;
        this.lease = lease;
        this.sent = meters.counter("laborcloud.notification.sent");
        this.attemptsFailed = meters.counter("laborcloud.notification.attempts.failed");
        this.givenUp = meters.counter("laborcloud.notification.failed");
    }

    // not under a scheduler lock: every notice is claimed, so instances sweeping together send different ones
    @Scheduled(fixedDelayString = "${laborcloud.notification.dispatch-interval:PT2S}")
    public void sendDue() {
        List<String> due;
        try {
            due = notifications.due(clock.instant(), SWEEP_BATCH);
        } catch (RuntimeException e) {
            log.warn("notification sweep failed, next sweep retries: {}", e.toString());
            return;
        }
        for (String id : due) {
            try {
                dispatch(id);
            } catch (RuntimeException e) {
                // one broken notice must not hold up the others
                log.warn("dispatch of {} failed, next sweep retries: {}", id, e.toString());
            }
        }
    }

    /** Sends the notice if it is due and nobody else holds it; otherwise does nothing. */
    public void dispatch(String id) {
        String token = UUID.randomUUID().toString();
        Instant now = clock.instant();
        notifications.claim(id, token, now, now.plus(lease)).ifPresent(claimed -> send(claimed, token));
    }

    private void send(Notification notification, String token) {
        try {
            mail.send(notification);
            notifications.markSent(notification.id(), token, clock.instant());
            sent.increment();
            log.info("sent {} to {}", notification.id(), PersonalData.email(notification.to()));
        } catch (Exception e) {
            int failed = notification.attempts() + 1;
            Instant next = retry.exhausted(failed) ? null : clock.instant().plus(retry.backoffAfter(failed));
            notifications.markAttemptFailed(notification.id(), token, abbreviate(e), clock.instant(), next);
            attemptsFailed.increment();
            if (next == null) {
                givenUp.increment();
                // left for ops: GET /api/notifications?status=FAILED, POST /api/notifications/{id}/resend
                log.error("ALERT giving up on {} after {} attempts: {}", notification.id(), failed, e.toString());
            } else {
                log.warn("attempt {} of {} failed, next at {}: {}", failed, notification.id(), next, e.toString());
            }
        }
    }

    private static String abbreviate(Exception e) {
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        return text.length() > ERROR_LIMIT ? text.substring(0, ERROR_LIMIT) : text;
    }
}
