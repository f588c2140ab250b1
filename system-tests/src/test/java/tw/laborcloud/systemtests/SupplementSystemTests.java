package tw.laborcloud.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;

import tw.laborcloud.infra.MailMessage;

/**
 * A return for supplements through the whole stack: the reviewer proposes it, the supervisor
 * signs it off, the applicant is mailed what to replace, uploads the new seal and sends it
 * with the registration password; the replacement is verified as round 2 and the case comes
 * back to the queue with the new document and its history, and can then be approved.
 */
class SupplementSystemTests extends StackTests {

    @Test
    void aReturnedApplicationComesBackWithTheReplacedDocumentAndIsApproved() {
        String certificateNo = String.valueOf(ThreadLocalRandom.current().nextInt(20_000_000, 99_999_999));
        String password = "Union-Pass-2026";
        String email = "clerk-" + certificateNo + "@union.example";
        String applicationId = client.registerUnion(certificateNo, password, email, "新北市補正測試產業工會");
        client.confirmContactEmail(stack, email);
        String reviewer = client.token("reviewer1", "Reviewer1-pass!");
        String approver = client.token("approver1", "Approver1-pass!");
        await("case ready").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> client.caseReady(applicationId, reviewer));
        String oldSeal = JsonPath.<List<String>>read(client.get("/api/review/cases/" + applicationId, reviewer).body(),
                "$.documents[?(@.kind=='UNION_SEAL')].uploadId").get(0);

        HttpResponse<String> proposed = client.postJson("/api/review/cases/" + applicationId + "/proposal", """
                {"outcome":"SUPPLEMENT","documents":[{"kind":"UNION_SEAL","reason":"圖記模糊，請重新掃描"}],
                 "note":"請以 300 dpi 彩色掃描"}""", reviewer);
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(200);
        Number revision = JsonPath.read(proposed.body(), "$.revision");
        HttpResponse<String> signedOff = client.postJson("/api/review/cases/" + applicationId + "/sign-off",
                "{\"revision\":" + revision + "}", approver);
        assertThat(signedOff.statusCode()).as(signedOff.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(signedOff.body(), "$.status")).isEqualTo("AWAITING_SUPPLEMENTS");

        MailMessage mail = await("supplement mail").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> stack.mailMessages().stream()
                        .filter(m -> m.to().contains(email) && m.subject().contains("補件")).findFirst().orElse(null),
                        m -> m != null);
        assertThat(mail.text()).contains("圖記模糊，請重新掃描").contains("請以 300 dpi 彩色掃描")
                .contains("register/status.html?applicationId=" + applicationId);
        await("the applicant sees what to replace").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> client.applicationStatus(applicationId, certificateNo), "RETURNED_FOR_SUPPLEMENTS"::equals);

        HttpResponse<String> upload = client.upload("UNION_SEAL", "圖記-重掃.jpg", "image/jpeg",
                TestFiles.image("SEAL AGAIN " + certificateNo, "jpg"));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        String newSeal = JsonPath.read(upload.body(), "$.uploadId");
        String supplement = """
                {"certificateNo":"%s","password":"%%s","documents":[%s]}"""
                .formatted(certificateNo, StackClient.reference(upload));
        HttpResponse<String> wrong = client.postJson("/api/registrations/" + applicationId + "/supplements",
                supplement.formatted("Not-The-Password-1"), null);
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(422);
        HttpResponse<String> sent = client.postJson("/api/registrations/" + applicationId + "/supplements",
                supplement.formatted(password), null);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);

        await("back in the queue with the new seal").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> client.caseReady(applicationId, reviewer));
        String view = client.get("/api/review/cases/" + applicationId, reviewer).body();
        assertThat(JsonPath.<List<String>>read(view, "$.documents[?(@.kind=='UNION_SEAL')].uploadId"))
                .containsExactly(newSeal).doesNotContain(oldSeal);
        assertThat((Integer) JsonPath.read(view, "$.documentsRound")).isEqualTo(2);
        assertThat(JsonPath.<List<String>>read(view, "$.history[*].action"))
                .contains("PROPOSED", "SIGNED_OFF", "SUPPLEMENTS_RECEIVED");

        HttpResponse<String> approved = client.approve(applicationId, reviewer, approver);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        await("account opened").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> client.applicationStatus(applicationId, certificateNo), "ACCOUNT_ACTIVATED"::equals);
    }
}
