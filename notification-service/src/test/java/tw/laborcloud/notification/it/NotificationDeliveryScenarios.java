package tw.laborcloud.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import tw.laborcloud.events.Topics;
import tw.laborcloud.notification.delivery.Notification;
import tw.laborcloud.notification.delivery.NotificationStatus;
import tw.laborcloud.notification.mail.MailContent;

/**
 * How notices are delivered and looked after: retried while SMTP is down, claimed by one
 * sender at a time, and seen and resent by ops (officers see them, others do not).
 */
abstract class NotificationDeliveryScenarios extends NotificationScenarioSupport {

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

    private Notification notification(Notification notice) {
        return mongo.findById(notice.id(), Notification.class);
    }
}
