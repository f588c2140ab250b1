package tw.laborcloud.notification.inbound;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import tw.laborcloud.events.registration.AccountActivated;
import tw.laborcloud.events.registration.EmailConfirmationRequested;
import tw.laborcloud.events.registration.RegistrationSubmitted;
import tw.laborcloud.events.review.ApplicationRejected;
import tw.laborcloud.events.review.FilingDecided;
import tw.laborcloud.events.review.SupplementRequested;
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
    static final String SUPPLEMENT_REQUESTED = "supplement-requested";
    static final String FILING_DECIDED = "filing-decided";

    private static final String REASON = "reason";
    private static final String CERTIFICATE_NO = "certificateNo";
    private static final String NOTE = "note";
    private static final String DOCUMENTS = "documents";
    private static final String FILING_ID = "filingId";
    private static final String FILING_TYPE = "filingType";
    private static final String OUTCOME = "outcome";
    /** Separators of the documents kept in a notice's details (kinds are codes; reasons are one line each). */
    private static final String FIELD_SEPARATOR = "\t";
    private static final String LINE_SEPARATOR = "\n";

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

    /**
     * Remembers the applicant's address (notices that came first wait for it). From version 3 on the receipt
     * comes from {@link #emailConfirmationRequested}, which carries the link's secret on a topic of its own;
     * an older event, still on the topic after the upgrade, is receipted from here with the token it carries.
     * Either way the receipt's notice id is the same, so it is mailed once.
     */
    void registrationSubmitted(RegistrationSubmitted event) {
        requireAddress(event.contactEmail(), event);
        Recipient recipient = new Recipient(event.applicationId(), event.contactEmail(), event.unionName(),
                event.certificateNo());
        recipients.remember(recipient);
        if (event.schemaVersion() < RegistrationSubmitted.TOKEN_MOVED_OUT_IN_VERSION) {
            sendReceipt(recipient, event.emailConfirmationToken(), null);
        }
        releaseWaiting(event.applicationId());
    }

    /**
     * The receipt with the address-confirmation link. The event names everything the receipt does, so it is
     * mailed without waiting for RegistrationSubmitted, whichever of the two comes first.
     */
    void emailConfirmationRequested(EmailConfirmationRequested event) {
        requireAddress(event.contactEmail(), event);
        if (event.emailConfirmationToken() == null || event.emailConfirmationToken().isBlank()) {
            throw new MalformedEventException("confirmation request without a token: " + event);
        }
        Recipient recipient = new Recipient(event.applicationId(), event.contactEmail(), event.unionName(),
                event.certificateNo());
        recipients.remember(recipient);
        // version 2 on: the submission copy made at submission, attached; an older event's receipt goes without
        sendReceipt(recipient, event.emailConfirmationToken(), event.submissionCopy());
        releaseWaiting(event.applicationId());
    }

    /** One receipt per application (its notice id), whichever event asks for it and however often. */
    private void sendReceipt(Recipient recipient, String confirmationToken, byte[] submissionCopy) {
        recordAndSend(Notification.pending(REGISTRATION_RECEIVED, recipient.applicationId(), recipient.contactEmail(),
                templates.registrationReceived(recipient.applicationId(), recipient.unionName(),
                        recipient.certificateNo(), confirmationToken, submissionCopy),
                Instant.now()));
    }

    /** The event has no address: the notice waits for RegistrationSubmitted if that has not come yet. */
    void applicationRejected(ApplicationRejected event) {
        Map<String, String> details = Map.of(REASON, nonNull(event.reason()), CERTIFICATE_NO,
                nonNull(event.certificateNo()));
        notifications.record(Notification.waiting(APPLICATION_REJECTED, event.applicationId(), details, Instant.now()));
        // always look, also when recorded before: a crash may have come between record and release
        releaseWaiting(event.applicationId());
    }

    /**
     * An application can be returned more than once (one round after another), so the notice id
     * carries the event id: each request is mailed once, a redelivered one is not mailed again.
     */
    void supplementRequested(SupplementRequested event) {
        String documents = event.documents().stream()
                .map(d -> oneLine(d.kind()) + FIELD_SEPARATOR + oneLine(d.reason()))
                .collect(Collectors.joining(LINE_SEPARATOR));
        Map<String, String> details = Map.of(CERTIFICATE_NO, nonNull(event.certificateNo()), NOTE,
                nonNull(event.note()), DOCUMENTS, documents);
        notifications.record(Notification.waiting(
                Notification.id(SUPPLEMENT_REQUESTED, event.applicationId()) + ":" + event.eventId(),
                SUPPLEMENT_REQUESTED, event.applicationId(), details, Instant.now()));
        releaseWaiting(event.applicationId());
    }

    void accountActivated(AccountActivated event) {
        requireAddress(event.contactEmail(), event);
        // the union's address for its filings' outcomes, which name the union, not the application
        recipients.remember(new Recipient(Recipient.unionKey(event.unionId()), event.contactEmail(), event.unionName(),
                event.certificateNo()));
        releaseWaiting(Recipient.unionKey(event.unionId()));
        String username = event.username() == null || event.username().isBlank() ? event.certificateNo()
                : event.username();
        recordAndSend(Notification.pending(ACCOUNT_ACTIVATED, event.applicationId(), event.contactEmail(),
                templates.accountActivated(event.unionName(), username), Instant.now()));
    }

    /**
     * The bureau's decision on a union-affairs filing, mailed to the union's contact address
     * (known from its activation). A filing can be returned and resubmitted; each round is
     * decided once, so the notice is keyed by filing and round (a decision republished under
     * another event id is not mailed twice).
     */
    void filingDecided(FilingDecided event) {
        if (event.unionId() == null || event.unionId().isBlank()) {
            throw new MalformedEventException("filing decision without unionId: " + event);
        }
        Map<String, String> details = Map.of(FILING_ID, event.applicationId(), FILING_TYPE,
                nonNull(event.filingTypeLabel()).isEmpty() ? nonNull(event.filingType()) : event.filingTypeLabel(),
                OUTCOME, event.outcome() == null ? "" : event.outcome().name(), REASON, nonNull(event.reason()));
        String recipient = Recipient.unionKey(event.unionId());
        notifications.record(Notification.waiting(
                Notification.id(FILING_DECIDED, event.applicationId()) + "#" + event.round(), FILING_DECIDED,
                recipient, details, Instant.now()));
        releaseWaiting(recipient);
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
            case SUPPLEMENT_REQUESTED -> {
                String certificateNo = waiting.details().getOrDefault(CERTIFICATE_NO, "");
                yield templates.supplementRequested(recipient.applicationId(), recipient.unionName(),
                        certificateNo.isEmpty() ? recipient.certificateNo() : certificateNo,
                        requestedDocuments(waiting.details().getOrDefault(DOCUMENTS, "")),
                        waiting.details().get(NOTE));
            }
            case FILING_DECIDED -> templates.filingDecided(recipient.unionName(), recipient.certificateNo(),
                    waiting.details().get(FILING_ID), waiting.details().get(FILING_TYPE),
                    "ACCEPTED".equals(waiting.details().get(OUTCOME)), waiting.details().get(REASON));
            default -> throw new IllegalStateException("no recipient-dependent template for " + waiting.kind());
        };
    }

    private static void requireAddress(String contactEmail, Object event) {
        if (contactEmail == null || contactEmail.isBlank()) {
            throw new MalformedEventException("event without contactEmail: " + event);
        }
    }

    private static List<MailTemplates.RequestedDocument> requestedDocuments(String kept) {
        if (kept.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(kept.split(LINE_SEPARATOR)).map(line -> {
            String[] parts = line.split(FIELD_SEPARATOR, 2);
            return new MailTemplates.RequestedDocument(parts[0], parts.length > 1 ? parts[1] : "");
        }).toList();
    }

    private static String oneLine(String value) {
        return nonNull(value).replaceAll("[\\t\\r\\n]+", " ").strip();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
