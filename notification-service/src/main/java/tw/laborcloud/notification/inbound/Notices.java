package tw.laborcloud.notification.inbound;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;

import tw.laborcloud.events.registration.AccountActivated;
import tw.laborcloud.events.registration.RegistrationSubmitted;
import tw.laborcloud.events.review.ApplicationRejected;
import tw.laborcloud.notification.delivery.Notification;
import tw.laborcloud.notification.delivery.NotificationDispatcher;
import tw.laborcloud.notification.delivery.Notifications;
import tw.laborcloud.notification.mail.MailContent;
import tw.laborcloud.notification.mail.MailTemplates;
import tw.laborcloud.notification.recipient.Recipient;
import tw.laborcloud.notification.recipient.Recipients;
import tw.laborcloud.platform.inbound.Inbound.MalformedEventException;

/**
 * Turns business events into notices. Each notice is recorded before it is sent, under an
 * id made of its kind and the application, so every business event yields one mail
 * however often (and in whatever order) the events arrive.
 */
@Component
class Notices {

    static final String REGISTRATION_RECEIVED = "registration-received";
    static final String APPLICATION_REJECTED = "application-rejected";
    static final String ACCOUNT_ACTIVATED = "account-activated";

    private static final String REASON = "reason";
    private static final String CERTIFICATE_NO = "certificateNo";

    private final Notifications notifications;
    private final NotificationDispatcher dispatcher;
    private final Recipients recipients;
    private final MailTemplates templates;

    Notices(Notifications notifications, NotificationDispatcher dispatcher, Recipients recipients,
            MailTemplates templates) {
        this.notifications = notifications;
        this.dispatcher = dispatcher;
        this.recipients = recipients;
        this.templates = templates;
    }

    void registrationSubmitted(RegistrationSubmitted event) {
        requireAddress(event.contactEmail(), event);
        recipients.remember(new Recipient(event.applicationId(), event.contactEmail(), event.unionName(),
                event.certificateNo()));
        recordAndSend(Notification.pending(REGISTRATION_RECEIVED, event.applicationId(), event.contactEmail(),
                templates.registrationReceived(event.applicationId(), event.unionName(), event.certificateNo(),
                        event.emailConfirmationToken()),
                Instant.now()));
        releaseWaiting(event.applicationId());
    }

    /** The event has no address: the notice waits for RegistrationSubmitted if that has not come yet. */
    void applicationRejected(ApplicationRejected event) {
        Map<String, String> details = Map.of(REASON, nonNull(event.reason()), CERTIFICATE_NO,
                nonNull(event.certificateNo()));
        notifications.record(Notification.waiting(APPLICATION_REJECTED, event.applicationId(), details, Instant.now()));
        // always look, also when recorded before: a crash may have come between record and release
        releaseWaiting(event.applicationId());
    }

    void accountActivated(AccountActivated event) {
        requireAddress(event.contactEmail(), event);
        String username = event.username() == null || event.username().isBlank() ? event.certificateNo()
                : event.username();
        recordAndSend(Notification.pending(ACCOUNT_ACTIVATED, event.applicationId(), event.contactEmail(),
                templates.accountActivated(event.unionName(), username), Instant.now()));
    }

    private void recordAndSend(Notification notification) {
        if (notifications.record(notification)) {
            dispatcher.dispatch(notification.id());
        }
    }

    /**
     * Both sides write first and look second (the registration stores the recipient, the
     * rejection stores its notice), so whichever comes last finds the other; the release
     * itself is conditional, so a notice is released once.
     */
    private void releaseWaiting(String applicationId) {
        recipients.of(applicationId).ifPresent(recipient -> {
            for (Notification waiting : notifications.waitingForRecipient(applicationId)) {
                if (notifications.release(waiting.id(), recipient.contactEmail(), render(waiting, recipient),
                        Instant.now())) {
                    dispatcher.dispatch(waiting.id());
                }
            }
        });
    }

    private MailContent render(Notification waiting, Recipient recipient) {
        return switch (waiting.kind()) {
            case APPLICATION_REJECTED -> {
                String certificateNo = waiting.details().getOrDefault(CERTIFICATE_NO, "");
                yield templates.applicationRejected(recipient.applicationId(), recipient.unionName(),
                        certificateNo.isEmpty() ? recipient.certificateNo() : certificateNo,
                        waiting.details().get(REASON));
            }
            default -> throw new IllegalStateException("no recipient-dependent template for " + waiting.kind());
        };
    }

    private static void requireAddress(String contactEmail, Object event) {
        if (contactEmail == null || contactEmail.isBlank()) {
            throw new MalformedEventException("event without contactEmail: " + event);
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
