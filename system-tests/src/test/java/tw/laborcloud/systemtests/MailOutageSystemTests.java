package tw.laborcloud.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;

import org.junit.jupiter.api.Test;

import tw.laborcloud.infra.MailMessage;

/**
 * The SMTP server refuses connections while an account is activated: the account is opened,
 * the notice waits and is retried, and once the server is back the activation mail arrives,
 * exactly once.
 */
class MailOutageSystemTests extends StackTests {

    @AfterEach
    void mailRunsAgain() {
        if (!stack.faults().isMailRunning()) {
            stack.faults().startMail();
        }
    }

    @Test
    void theActivationMailOfAnAccountOpenedWhileSmtpIsDownIsSentOnceWhenItIsBack() {
        String certificateNo = String.valueOf(ThreadLocalRandom.current().nextInt(20_000_000, 99_999_999));
        String email = "clerk-" + certificateNo + "@union.example";
        String applicationId = client.registerUnion(certificateNo, "Union-Pass-2026", email, "新北市郵件停機測試產業工會");
        String approver = client.token("approver1", "Approver1-pass!");
        String reviewer = client.token("reviewer1", "Reviewer1-pass!");
        await("case ready").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> client.caseReady(applicationId, approver));
        // the receipt (with the confirmation link) went out before the outage; only the activation notice meets it
        client.confirmContactEmail(stack, email);

        stack.faults().stopMail();
        HttpResponse<String> approved = client.approve(applicationId, reviewer, approver);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        await("account opened").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> "ACCOUNT_ACTIVATED".equals(client.applicationStatus(applicationId, certificateNo)));
        await("no activation mail while SMTP is down").during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofSeconds(1)).until(() -> activationMails(email).isEmpty());

        stack.faults().startMail();
        Instant smtpBack = Instant.now();

        MailMessage mail = await("activation mail after the outage").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500)).until(() -> activationMails(email), m -> m.size() == 1).getFirst();
        System.out.printf("SMTP outage: SMTP back to activation mail %d ms%n",
                Duration.between(smtpBack, mail.receivedAt()).toMillis());
        await("still one mail").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8))
                .until(() -> activationMails(email).size() == 1);
        assertThat(mail.text()).contains(certificateNo).contains(stack.gatewayUrl() + "/portal");
    }

    static List<MailMessage> activationMails(String email) {
        return stack.mailMessages().stream()
                .filter(m -> m.to().contains(email) && RegistrationToActivationSystemTests.isActivation(m)).toList();
    }
}
