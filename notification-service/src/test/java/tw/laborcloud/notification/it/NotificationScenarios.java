package tw.laborcloud.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import tools.jackson.databind.json.JsonMapper;
import tw.laborcloud.events.DomainEvent;
import tw.laborcloud.events.Topics;
import tw.laborcloud.platform.test.KafkaTestClient;
import tw.laborcloud.events.registration.AccountActivated;
import tw.laborcloud.events.registration.EmailConfirmationRequested;
import tw.laborcloud.events.registration.RegistrationSubmitted;
import tw.laborcloud.events.review.ApplicationRejected;
import tw.laborcloud.events.review.FilingDecided;
import tw.laborcloud.events.review.SupplementRequested;
import tw.laborcloud.notification.delivery.Notification;
import tw.laborcloud.notification.delivery.NotificationStatus;
import tw.laborcloud.notification.delivery.Notifications;
import tw.laborcloud.notification.mail.MailContent;
import tw.laborcloud.notification.recipient.Recipient;

/**
 * The service with a real Kafka broker, MongoDB and a real SMTP server (GreenMail); the
 * subclasses choose where Kafka and MongoDB come from. Events that must be handled in a
 * known order go to one partition, and a marker event sent after them shows that they
 * were consumed.
 */
@SpringBootTest(properties = {
        "laborcloud.gateway.url=https://labor.example.test",
        "laborcloud.notification.retry.initial-backoff=PT1S",
        "laborcloud.notification.dispatch-interval=PT0.5S" })
@AutoConfigureMockMvc
@DirtiesContext
abstract class NotificationScenarios {

    private static final Pattern PASSWORD_VALUE = Pattern.compile("(?i)password|密碼\\s*[:：]");
    private static final int PARTITION = 0;
    static final int SMTP_PORT = freePort();

    /** One SMTP server for the class, on a fixed port so that it can be stopped and started again. */
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.port(SMTP_PORT))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("laborcloud.mail.port", () -> SMTP_PORT);
    }

    @Value("${laborcloud.kafka.brokers}")
    String brokers;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MockMvc mvc;
    @Autowired
    Notifications notifications;

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
    void aNoticeThatFailedWhileSmtpWasDownIsSentOnceWhenItIsBack() throws Exception {
        Application app = newApplication();
        greenMail.stop();
        try {
            send(Topics.ACCOUNT_ACTIVATED, app.activated());
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Notification n = findNotification("account-activated", app);
                return n != null && n.attempts() >= 1;
            });
            Notification failedOnce = notification("account-activated", app);
            assertThat(failedOnce.status()).isIn(NotificationStatus.PENDING, NotificationStatus.SENDING);
            assertThat(failedOnce.lastError()).isNotBlank();
        } finally {
            greenMail.start();
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> notification("account-activated", app).status() == NotificationStatus.SENT);
        assertThat(mailsTo(app.email())).hasSize(1);
        List<Notification.DeliveryAttempt> attempts = notification("account-activated", app).deliveries();
        assertThat(attempts).as("every attempt recorded").hasSizeGreaterThanOrEqualTo(2);
        assertThat(attempts.getFirst().outcome()).isEqualTo(Notification.DeliveryAttempt.Outcome.RETRYING);
        assertThat(attempts.getFirst().error()).isNotBlank();
        assertThat(attempts.getFirst().nextAttemptAt()).isNotNull();
        assertThat(attempts.getLast().outcome()).isEqualTo(Notification.DeliveryAttempt.Outcome.SENT);
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

    @Test
    void opsSeeTheFailedNoticesAndResendOneWhichIsSentOnceAndAudited() throws Exception {
        Application app = newApplication();
        Notification failed = failedNotice(app);

        mvc.perform(get("/api/notifications").param("status", "FAILED")
                .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_ops"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + failed.id() + "')].lastError").value("MailConnectException: 無法連線"));
        mvc.perform(post("/api/notifications/" + failed.id() + "/resend")
                .with(jwt().jwt(j -> j.claim("preferred_username", "reviewer1"))
                        .authorities(new SimpleGrantedAuthority("ROLE_reviewer"))))
                .andExpect(status().isForbidden());

        mvc.perform(post("/api/notifications/" + failed.id() + "/resend")
                .with(jwt().jwt(j -> j.claim("preferred_username", "ops1"))
                        .authorities(new SimpleGrantedAuthority("ROLE_ops"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resends[0].by").value("ops1"));

        await().atMost(Duration.ofSeconds(30)).until(() -> notification(failed).status() == NotificationStatus.SENT);
        assertThat(mailsTo(app.email())).hasSize(1);
        Notification resent = notification(failed);
        assertThat(resent.resends()).singleElement().satisfies(r -> {
            assertThat(r.by()).isEqualTo("ops1");
            assertThat(r.at()).isNotNull();
        });
        assertThat(resent.deliveries().getLast().outcome()).isEqualTo(Notification.DeliveryAttempt.Outcome.SENT);

        mvc.perform(post("/api/notifications/" + failed.id() + "/resend")
                .with(jwt().jwt(j -> j.claim("preferred_username", "ops1"))
                        .authorities(new SimpleGrantedAuthority("ROLE_ops"))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("NOTIFICATION_NOT_FAILED"));
        mvc.perform(post("/api/notifications/no-such-notice/resend")
                .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_ops"))))
                .andExpect(status().isNotFound());
        assertThat(mailsTo(app.email())).as("no second mail").hasSize(1);
    }

    /** A notice the dispatcher gave up on (as after its last attempt while SMTP refused it). */
    private Notification failedNotice(Application app) {
        Instant now = Instant.now();
        Notification failed = new Notification(Notification.id("account-activated", app.applicationId()),
                "account-activated", app.applicationId(), app.email(), "【新北勞動雲】帳號啟用通知", "內容",
                "<p>內容</p>", NotificationStatus.FAILED, 20, "MailConnectException: 無法連線", null, null, null,
                Map.of(), now, null, List.of(new Notification.DeliveryAttempt(now, Notification.DeliveryAttempt.Outcome.FAILED,
                        "MailConnectException: 無法連線", null)), List.of(), List.of());
        mongo.insert(failed);
        return failed;
    }

    @Test
    void officersSeeTheNoticesOfAnApplicationOthersDoNot() throws Exception {
        Application app = newApplication();
        send(Topics.ACCOUNT_ACTIVATED, app.activated());
        awaitMails(app.email(), 1);

        mvc.perform(get("/api/notifications").param("applicationId", app.applicationId())
                .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_ops"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("account-activated:" + app.applicationId()))
                .andExpect(jsonPath("$[0].status").value("SENT"))
                .andExpect(jsonPath("$[0].attempts").value(0))
                .andExpect(jsonPath("$[0].text").doesNotExist());
        mvc.perform(get("/api/notifications").param("applicationId", app.applicationId())
                .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_union"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/notifications").param("applicationId", app.applicationId()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aDueNoticeIsClaimedByOneSenderOnlyUntilItsLeaseExpires() {
        Instant now = Instant.now();
        // due in the future, so that the service's own sweep leaves it alone until the test claims it
        Instant due = now.plus(Duration.ofHours(1));
        Notification notice = Notification.pending("test-claim", "R-" + UUID.randomUUID(), "x@union.example",
                new MailContent("s", "t", "<p>t</p>"), due);
        assertThat(notifications.record(notice)).isTrue();
        assertThat(notifications.record(notice)).as("second insert of the same notice").isFalse();

        assertThat(notifications.claim(notice.id(), "early", now, now.plusSeconds(60))).as("not yet due").isEmpty();
        assertThat(notifications.claim(notice.id(), "a", due, due.plusSeconds(60))).isPresent();
        assertThat(notifications.claim(notice.id(), "b", due.plusSeconds(30), due.plusSeconds(90)))
                .as("claimed by a, lease running").isEmpty();
        assertThat(notifications.claim(notice.id(), "c", due.plusSeconds(61), due.plusSeconds(121)))
                .as("a's lease expired").isPresent();
        notifications.markSent(notice.id(), "a", due.plusSeconds(62)); // a lost its claim: no effect
        assertThat(notification(notice)).extracting(Notification::status, Notification::claimToken)
                .containsExactly(NotificationStatus.SENDING, "c");
        notifications.markSent(notice.id(), "c", due.plusSeconds(62));
        assertThat(notification(notice).status()).isEqualTo(NotificationStatus.SENT);
    }

    // --- helpers -------------------------------------------------------------------------

    record Application(String applicationId, String certificateNo, String unionName, String email) {

        AccountActivated activated() {
            return AccountActivated.of(applicationId, "corr-" + applicationId, "union-" + applicationId,
                    certificateNo, certificateNo, unionName, email);
        }

        RegistrationSubmitted submitted() {
            return RegistrationSubmitted.of(applicationId, "corr-" + applicationId, certificateNo, unionName, email,
                    List.of(new RegistrationSubmitted.SubmittedDocument("CHARTER", "u-1")));
        }

        EmailConfirmationRequested confirmationRequested() {
            return EmailConfirmationRequested.of(applicationId, "corr-" + applicationId, certificateNo, unionName,
                    email, token(), submissionCopy());
        }

        /** Stands in for the PDF registration-service makes: as large as a real one (about 60 KB). */
        byte[] submissionCopy() {
            byte[] pdf = new byte[60_000];
            new java.util.Random(applicationId.hashCode()).nextBytes(pdf);
            byte[] header = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            System.arraycopy(header, 0, pdf, 0, header.length);
            return pdf;
        }

        String token() {
            return "tok-" + applicationId;
        }

        String confirmationLink() {
            return "https://labor.example.test/register/confirm.html?applicationId=" + applicationId + "&token="
                    + token();
        }
    }

    /** What registration-service writes for one submission: the registration, and the receipt request with the link. */
    private void register(Application app) {
        send(Topics.REGISTRATION_SUBMITTED, app.submitted());
        send(Topics.EMAIL_CONFIRMATION_REQUESTED, app.confirmationRequested());
    }

    private static Application newApplication() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String certificateNo = String.valueOf(10_000_000 + Math.floorMod(suffix.hashCode(), 90_000_000));
        return new Application("R-" + suffix, certificateNo, "新北市測試產業工會" + suffix,
                "clerk-" + suffix + "@union.example");
    }

    /**
     * Sends an activation of another application to the same partition and waits for its
     * mail: the events sent before it have then been consumed.
     */
    private void awaitActivationMarker() throws Exception {
        Application marker = newApplication();
        send(Topics.ACCOUNT_ACTIVATED, marker.activated());
        awaitMails(marker.email(), 1);
    }

    private void send(String topic, DomainEvent event) {
        KafkaTestClient.send(brokers, topic, PARTITION, event.applicationId(), json.writeValueAsString(event));
    }

    private List<MimeMessage> awaitMails(String address, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(address).size() >= count);
        List<MimeMessage> mails = mailsTo(address);
        assertThat(mails).hasSize(count);
        return mails;
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> isTo(m, address)).toList();
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients)
                    .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
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

    /** The decoded content of the first part of the given type, searched through nested multiparts. */
    private static String part(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
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

    private Notification findNotification(String kind, Application app) {
        return mongo.findById(Notification.id(kind, app.applicationId()), Notification.class);
    }

    private Notification notification(String kind, Application app) {
        Notification found = findNotification(kind, app);
        assertThat(found).as("notification %s of %s", kind, app.applicationId()).isNotNull();
        return found;
    }

    private Notification notification(Notification notice) {
        return mongo.findById(notice.id(), Notification.class);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
