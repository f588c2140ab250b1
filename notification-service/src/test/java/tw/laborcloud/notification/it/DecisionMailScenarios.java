package tw.laborcloud.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import tw.laborcloud.events.Topics;
import tw.laborcloud.events.review.ApplicationRejected;
import tw.laborcloud.events.review.FilingDecided;
import tw.laborcloud.events.review.SupplementRequested;
import tw.laborcloud.notification.delivery.NotificationStatus;
import tw.laborcloud.notification.recipient.Recipient;

/**
 * The mails of the bureau's decisions: a rejection, supplement requests and filing decisions,
 * each mailed once, and held until the recipient's address is known when they come first.
 */
abstract class DecisionMailScenarios extends NotificationScenarioSupport {

    @Test
    void aRejectionThatArrivesBeforeTheRegistrationIsMailedOnceTheRegistrationArrives() throws Exception {
        Application app = newApplication();
        String reason = "上傳之圖記與主管機關核發者不符";

        send(Topics.APPLICATION_REJECTED,
                ApplicationRejected.of(app.applicationId(), "corr-" + app.applicationId(), app.certificateNo(),
                        reason, "approver1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> findNotification("application-rejected", app) != null);
        assertThat(notification("application-rejected", app).status())
                .isEqualTo(NotificationStatus.WAITING_FOR_RECIPIENT);

        register(app);

        List<MimeMessage> mails = awaitMails(app.email(), 2);
        MimeMessage rejection = withSubjectContaining(mails, "審查結果通知");
        assertThat(part(rejection, "text/plain")).contains("未通過原因：" + reason).contains(app.applicationId());
        assertThat(part(rejection, "text/plain")).contains(app.unionName() + " 您好");
        MimeMessage receipt = withSubjectContaining(mails, "已收到工會帳號註冊申請");
        assertThat(part(receipt, "text/plain")).contains("申請編號：" + app.applicationId());
        assertThat(notification("application-rejected", app).status()).isEqualTo(NotificationStatus.SENT);
    }

    @Test
    void aSupplementRequestIsMailedOncePerRequestWithTheDocumentsTheReasonsAndTheStatusLink() throws Exception {
        Application app = newApplication();
        register(app);
        awaitMails(app.email(), 1);
        SupplementRequested firstRound = SupplementRequested.of(app.applicationId(), "corr-" + app.applicationId(),
                app.certificateNo(), List.of(new SupplementRequested.RequestedDocument("UNION_SEAL", "圖記影像模糊"),
                        new SupplementRequested.RequestedDocument("CHARTER", "缺少第 12 條")),
                "請於 14 日內補正。", "approver1");

        send(Topics.SUPPLEMENT_REQUESTED, firstRound);
        send(Topics.SUPPLEMENT_REQUESTED, firstRound); // redelivered
        MimeMessage request = withSubjectContaining(awaitMails(app.email(), 2), "補件通知");
        String text = part(request, "text/plain");
        assertThat(text).contains(app.unionName() + " 您好")
                .contains("需補正：附件二 圖記：圖記影像模糊", "需補正：章程：缺少第 12 條", "承辦人說明：請於 14 日內補正。")
                .contains("https://labor.example.test/register/status.html?applicationId=" + app.applicationId()
                        + "&certificateNo=" + app.certificateNo());

        // a second round is another business event: mailed once more
        send(Topics.SUPPLEMENT_REQUESTED, SupplementRequested.of(app.applicationId(), "corr-" + app.applicationId(),
                app.certificateNo(), List.of(new SupplementRequested.RequestedDocument("CHARTER", "仍缺少第 13 條")),
                null, "approver1"));
        awaitMails(app.email(), 3);
        awaitActivationMarker();
        assertThat(mailsTo(app.email())).hasSize(3);
    }

    @Test
    void aSupplementRequestBeforeTheRegistrationWaitsForTheAddress() throws Exception {
        Application app = newApplication();
        send(Topics.SUPPLEMENT_REQUESTED, SupplementRequested.of(app.applicationId(), "corr-" + app.applicationId(),
                app.certificateNo(), List.of(new SupplementRequested.RequestedDocument("REPRESENTATIVE_SEAL", "印文不清")),
                "", "approver1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !notifications.waitingForRecipient(app.applicationId()).isEmpty());

        register(app);

        MimeMessage request = withSubjectContaining(awaitMails(app.email(), 2), "補件通知");
        assertThat(part(request, "text/plain")).contains("需補正：附件三 負責人章：印文不清").doesNotContain("承辦人說明");
    }

    @Test
    void eachFilingDecisionIsMailedOnceToTheUnionEvenWhenItCameBeforeTheActivation() throws Exception {
        Application app = newApplication();
        String unionId = "union-" + app.applicationId();
        String filingId = "F-" + app.applicationId();
        FilingDecided returned = FilingDecided.of(filingId, "corr-" + filingId, unionId, app.certificateNo(),
                "OFFICER_ROSTER", "理監事名冊備查", 1, FilingDecided.Outcome.RETURNED, "理事人數與會議紀錄不符", "approver1");
        // the decision can overtake the activation (different topics): it waits for the union's address
        send(Topics.FILING_DECIDED, returned);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !notifications.waitingForRecipient(Recipient.unionKey(unionId)).isEmpty());
        send(Topics.ACCOUNT_ACTIVATED, app.activated());
        send(Topics.FILING_DECIDED, returned); // redelivered
        // the same decision republished under another event id
        send(Topics.FILING_DECIDED, FilingDecided.of(filingId, "corr-" + filingId, unionId, app.certificateNo(),
                "OFFICER_ROSTER", "理監事名冊備查", 1, FilingDecided.Outcome.RETURNED, "理事人數與會議紀錄不符", "approver1"));
        MimeMessage mail = withSubjectContaining(awaitMails(app.email(), 2), "退回補正通知");
        assertThat(part(mail, "text/plain")).contains("理監事名冊備查", "理事人數與會議紀錄不符", filingId,
                "https://labor.example.test/portal/affairs");

        send(Topics.FILING_DECIDED, FilingDecided.of(filingId, "corr-" + filingId, unionId, app.certificateNo(),
                "OFFICER_ROSTER", "理監事名冊備查", 2, FilingDecided.Outcome.ACCEPTED, null, "approver1"));
        MimeMessage accepted = withSubjectContaining(awaitMails(app.email(), 3), "備查通知");
        assertThat(part(accepted, "text/plain")).contains("准予備查").doesNotContain("退回理由");
        awaitActivationMarker();
        assertThat(mailsTo(app.email())).hasSize(3);
    }

    /** What registration-service writes for one submission: the registration, and the receipt request with the link. */
    private void register(Application app) {
        send(Topics.REGISTRATION_SUBMITTED, app.submitted());
        send(Topics.EMAIL_CONFIRMATION_REQUESTED, app.confirmationRequested());
    }

    private static MimeMessage withSubjectContaining(List<MimeMessage> mails, String text) {
        return mails.stream().filter(m -> {
            try {
                return m.getSubject().contains(text);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow(() -> new AssertionError("no mail whose subject contains " + text));
    }
}
