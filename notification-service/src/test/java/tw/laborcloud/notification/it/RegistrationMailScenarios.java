package tw.laborcloud.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import tw.laborcloud.events.Topics;
import tw.laborcloud.events.registration.AccountActivated;
import tw.laborcloud.events.registration.EmailConfirmationRequested;
import tw.laborcloud.events.registration.RegistrationSubmitted;
import tw.laborcloud.notification.delivery.Notification;
import tw.laborcloud.notification.delivery.NotificationStatus;
import tw.laborcloud.notification.recipient.Recipient;

/**
 * The mails of a registration: the receipt with its confirmation link and submission copy, and
 * the activation notice with the user name and no password; each mailed once, whatever the
 * order, version or redelivery of the events.
 */
abstract class RegistrationMailScenarios extends NotificationScenarioSupport {

    private static final Pattern PASSWORD_VALUE = Pattern.compile("(?i)password|密碼\\s*[:：]");

    @Test
    void accountActivatedMailsOneActivationNoticeWithTheCertificateNumberAsUserNameAndNoPassword() throws Exception {
        Application app = newApplication();

        send(Topics.ACCOUNT_ACTIVATED, app.activated());

        MimeMessage mail = awaitMails(app.email(), 1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("【新北勞動雲】帳號啟用通知");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("新北勞動雲");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("no-reply@laborcloud.local");
        String text = part(mail, "text/plain");
        String html = part(mail, "text/html");
        assertThat(text).contains("帳號（工會立案證書編號）：" + app.certificateNo())
                .contains("https://labor.example.test/").contains("工會會務申請或備查");
        assertThat(html).contains(app.certificateNo()).contains("href=\"https://labor.example.test/portal\"");
        assertThat(PASSWORD_VALUE.matcher(text).find()).isFalse();
        assertThat(PASSWORD_VALUE.matcher(html).find()).isFalse();
        Notification recorded = notification("account-activated", app);
        assertThat(recorded.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(recorded.to()).isEqualTo(app.email());
        assertThat(recorded.sentAt()).isNotNull();
    }

    @Test
    void theSameEventDeliveredTwiceSendsOneMail() throws Exception {
        Application app = newApplication();
        AccountActivated event = app.activated();

        send(Topics.ACCOUNT_ACTIVATED, event);
        send(Topics.ACCOUNT_ACTIVATED, event);

        awaitActivationMarker();
        assertThat(mailsTo(app.email())).hasSize(1);
    }

    @Test
    void aSecondActivationEventForTheSameApplicationSendsNoSecondMail() throws Exception {
        Application app = newApplication();

        send(Topics.ACCOUNT_ACTIVATED, app.activated());
        awaitMails(app.email(), 1);
        send(Topics.ACCOUNT_ACTIVATED, app.activated()); // a new eventId: republished, not redelivered

        awaitActivationMarker();
        assertThat(mailsTo(app.email())).hasSize(1);
        assertThat(notification("account-activated", app).status()).isEqualTo(NotificationStatus.SENT);
    }

    @Test
    void theReceiptWithTheConfirmationLinkComesFromTheConfirmationRequestAndIsMailedOnce() throws Exception {
        Application app = newApplication();

        // the registration document-service and review-service read too carries no link: it mails nothing
        send(Topics.REGISTRATION_SUBMITTED, app.submitted());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(app.applicationId(), Recipient.class) != null);
        assertThat(findNotification("registration-received", app)).isNull();

        EmailConfirmationRequested requested = app.confirmationRequested();
        send(Topics.EMAIL_CONFIRMATION_REQUESTED, requested);
        send(Topics.EMAIL_CONFIRMATION_REQUESTED, requested); // redelivered
        send(Topics.EMAIL_CONFIRMATION_REQUESTED, app.confirmationRequested()); // republished: another event id
        MimeMessage receipt = awaitMails(app.email(), 1).getFirst();
        assertThat(receipt.getSubject()).contains("已收到工會帳號註冊申請");
        assertThat(part(receipt, "text/plain")).contains(app.confirmationLink()).contains(app.unionName() + " 您好")
                .contains("隨信附上貴會申請資料的送件副本");
        // the submission copy the event carried, attached as a PDF under its name
        Part copy = attachment(receipt);
        assertThat(copy).as("the submission copy attached").isNotNull();
        assertThat(MimeUtility.decodeText(copy.getFileName())).isEqualTo("送件副本-" + app.applicationId() + ".pdf");
        assertThat(copy.isMimeType("application/pdf")).isTrue();
        assertThat(Part.ATTACHMENT).isEqualToIgnoringCase(copy.getDisposition());
        assertThat(copy.getInputStream().readAllBytes()).isEqualTo(app.submissionCopy());
        assertThat(receipt.getMessageID()).isEqualTo("<registration-received_" + app.applicationId()
                + "@laborcloud.notification>");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> notification("registration-received", app).status() == NotificationStatus.SENT);
        awaitActivationMarker();
        assertThat(mailsTo(app.email())).hasSize(1);
    }

    @Test
    void aConfirmationRequestThatOvertakesItsRegistrationIsMailedAtOnceAndOnlyOnce() throws Exception {
        Application app = newApplication();

        send(Topics.EMAIL_CONFIRMATION_REQUESTED, app.confirmationRequested());
        MimeMessage receipt = awaitMails(app.email(), 1).getFirst();
        assertThat(part(receipt, "text/plain")).contains(app.confirmationLink()).contains(app.certificateNo());
        send(Topics.REGISTRATION_SUBMITTED, app.submitted());

        awaitActivationMarker();
        assertThat(mailsTo(app.email())).hasSize(1);
    }

    @Test
    void aVersionTwoRegistrationWrittenBeforeTheTokenMovedIsStillMailedWithItsLink() throws Exception {
        Application app = newApplication();
        RegistrationSubmitted v2 = new RegistrationSubmitted("ev-v2-" + app.applicationId(), Instant.now(),
                app.applicationId(), "corr-" + app.applicationId(), 2, app.certificateNo(), app.unionName(),
                app.email(), List.of(), null, app.token());

        send(Topics.REGISTRATION_SUBMITTED, v2);
        send(Topics.REGISTRATION_SUBMITTED, v2); // redelivered

        MimeMessage receipt = awaitMails(app.email(), 1).getFirst();
        assertThat(part(receipt, "text/plain")).contains(app.confirmationLink());
        awaitActivationMarker();
        assertThat(mailsTo(app.email())).hasSize(1);
    }

    @Test
    void aVersionOneConfirmationRequestWithoutACopyIsMailedWithoutAttachment() throws Exception {
        Application app = newApplication();
        send(Topics.EMAIL_CONFIRMATION_REQUESTED, new EmailConfirmationRequested("ev-v1-" + app.applicationId(),
                Instant.now(), app.applicationId(), "corr-" + app.applicationId(), 1, app.certificateNo(),
                app.unionName(), app.email(), app.token(), null));

        MimeMessage receipt = awaitMails(app.email(), 1).getFirst();
        assertThat(part(receipt, "text/plain")).contains(app.confirmationLink()).doesNotContain("送件副本");
        assertThat(attachment(receipt)).isNull();
    }

    /** The first part of the message that is an attachment, or null. */
    private static Part attachment(Part part) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return part;
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                Part found = attachment(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
