package tw.laborcloud.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;

import tw.laborcloud.infra.MailMessage;

/**
 * The whole chain on the real stack (real Kafka, real Keycloak, GreenMail, every service
 * as its own JVM), driven through the gateway only: register with attachments, documents
 * verified, an officer approves with a Keycloak token, the activation mail arrives, the
 * union logs in with its certificate number and password and reads its own profile only.
 */
class RegistrationToActivationSystemTests extends StackTests {

    static String randomCertificateNo() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(20_000_000, 99_999_999));
    }

    @Test
    void aUnionRegistersIsApprovedIsMailedAndLogsInToItsOwnProfileOnly() {
        String certificateNo = randomCertificateNo();
        String password = "Union-Pass-2026";
        String email = "clerk-" + certificateNo + "@union.example";

        Instant submitted = Instant.now();
        String applicationId = client.registerUnion(certificateNo, password, email, "新北市系統測試產業工會");
        String statusPath = "/api/registrations/" + applicationId + "?certificateNo=" + certificateNo;

        await("documents verified").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> "UNDER_REVIEW".equals(JsonPath.read(client.get(statusPath, null).body(), "$.status")));

        String approver = client.token("approver1", "Approver1-pass!");
        String reviewer = client.token("reviewer1", "Reviewer1-pass!");
        await("case ready").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> client.caseReady(applicationId, reviewer));
        HttpResponse<String> caseView = client.get("/api/review/cases/" + applicationId, reviewer);
        assertThat((String) JsonPath.read(caseView.body(), "$.verdict")).isEqualTo("PASSED");
        List<String> kinds = JsonPath.read(caseView.body(), "$.documents[*].kind");
        assertThat(kinds).containsExactlyInAnyOrder("CHARTER", "CERTIFICATE_SCAN", "UNION_SEAL", "REPRESENTATIVE_SEAL");

        // without the confirmed contact address (認證信) the bureau cannot approve
        HttpResponse<String> early = client.postJson("/api/review/cases/" + applicationId + "/proposal",
                "{\"outcome\":\"APPROVE\"}", reviewer);
        assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
        assertThat(early.body()).contains("CONTACT_EMAIL_UNCONFIRMED");
        client.confirmContactEmail(stack, email);

        assertThat(client.postJson("/api/review/cases/" + applicationId + "/sign-off", "{}", approver).statusCode())
                .as("nothing to sign off before a proposal").isEqualTo(409);
        assertThat(client.postJson("/api/review/cases/" + applicationId + "/sign-off", "{}", reviewer).statusCode())
                .as("a reviewer cannot sign off").isEqualTo(403);
        HttpResponse<String> approved = client.approve(applicationId, reviewer, approver);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        Instant signedOff = Instant.now();

        MailMessage mail = await("activation mail").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> activationMail(email), m -> m != null);
        Duration signOffToMail = Duration.between(signedOff, mail.receivedAt());
        System.out.printf("sign-off to activation mail: %d ms; submission to mail: %d ms%n",
                signOffToMail.toMillis(), Duration.between(submitted, mail.receivedAt()).toMillis());
        assertThat(mail.text()).contains(certificateNo).doesNotContain(password);

        String union = client.token(certificateNo, password);
        await("profile created").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> client.get("/api/union/profile", union).statusCode() == 200);
        HttpResponse<String> profile = client.get("/api/union/profile", union);
        assertThat((String) JsonPath.read(profile.body(), "$.certificateNo")).isEqualTo(certificateNo);
        assertThat((String) JsonPath.read(profile.body(), "$.unionName")).isEqualTo("新北市系統測試產業工會");

        String otherUnion = certificateNo.equals("12345678") ? "87654321" : "12345678";
        assertThat(client.get("/api/union/profiles/" + otherUnion, union).statusCode()).isEqualTo(403);
        assertThat(client.get("/api/union/profiles/" + certificateNo, union).statusCode()).isEqualTo(200);
        assertThat(client.get("/api/union/profile", null).statusCode()).isEqualTo(401);
        assertThat(client.get("/api/review/cases", union).statusCode()).as("a union is no officer").isEqualTo(403);

        assertThat((String) JsonPath.read(client.get(statusPath, null).body(), "$.status")).isEqualTo("ACCOUNT_ACTIVATED");
        assertThat(stack.mailMessages().stream().filter(m -> m.to().contains(email) && isActivation(m)).count())
                .as("exactly one activation notice").isEqualTo(1);
    }

    static MailMessage activationMail(String email) {
        return stack.mailMessages().stream().filter(m -> m.to().contains(email) && isActivation(m)).findFirst()
                .orElse(null);
    }

    static boolean isActivation(MailMessage m) {
        return m.subject() != null && m.subject().contains("啟用");
    }
}
