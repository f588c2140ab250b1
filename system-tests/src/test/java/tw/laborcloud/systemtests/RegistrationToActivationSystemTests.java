package tw.laborcloud.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;

import tw.laborcloud.infra.LocalStack;
import tw.laborcloud.infra.MailMessage;
import tw.laborcloud.infra.StackConfig;

/**
 * The whole chain on the real stack (real Kafka, real Keycloak, GreenMail, every service
 * as its own JVM), driven through the gateway only: register with attachments, documents
 * verified, an officer approves with a Keycloak token, the activation mail arrives, the
 * union logs in with its certificate number and password and reads its own profile only.
 */
class RegistrationToActivationSystemTests {

    static LocalStack stack;
    static StackClient client;

    @BeforeAll
    static void startStack() {
        Path repoRoot = Path.of("..").toAbsolutePath().normalize();
        Path dataDir = repoRoot.resolve("system-tests/target/stack-data");
        deleteRecursively(dataDir); // every run imports the realm afresh and starts with empty stores
        stack = LocalStack.start(StackConfig.builder().repoRoot(repoRoot).dataDir(dataDir).build());
        System.out.println(stack.describe());
        client = new StackClient(stack.gatewayUrl(), stack.keycloakUrl());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String randomCertificateNo() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(20_000_000, 99_999_999));
    }

    @Test
    void aUnionRegistersIsApprovedIsMailedAndLogsInToItsOwnProfileOnly() {
        String certificateNo = randomCertificateNo();
        String password = "Union-Pass-2026";
        String email = "clerk-" + certificateNo + "@union.example";

        HttpResponse<String> charter = client.upload("CHARTER", "章程.pdf", "application/pdf",
                TestFiles.charterPdf("Charter of union " + certificateNo));
        assertThat(charter.statusCode()).as(charter.body()).isEqualTo(201);
        HttpResponse<String> seal = client.upload("UNION_SEAL", "圖記.jpg", "image/jpeg", TestFiles.sealJpg());
        assertThat(seal.statusCode()).as(seal.body()).isEqualTo(201);
        assertThat((String) JsonPath.read(seal.body(), "$.detectedType")).isEqualTo("image/jpeg");

        Instant submitted = Instant.now();
        HttpResponse<String> registered = client.postJson("/api/registrations", """
                {"account":"%s","password":"%s","passwordConfirm":"%s","unionName":"新北市系統測試產業工會",
                 "contactEmail":"%s","contactEmailConfirm":"%s",
                 "documents":[{"kind":"CHARTER","uploadId":"%s"},{"kind":"UNION_SEAL","uploadId":"%s"}]}
                """.formatted(certificateNo, password, password, email, email,
                JsonPath.read(charter.body(), "$.uploadId"), JsonPath.read(seal.body(), "$.uploadId")), null);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String applicationId = JsonPath.read(registered.body(), "$.applicationId");
        String statusPath = "/api/registrations/" + applicationId + "?certificateNo=" + certificateNo;

        await("documents verified").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> "UNDER_REVIEW".equals(JsonPath.read(client.get(statusPath, null).body(), "$.status")));

        String approver = client.token("approver1", "Approver1-pass!");
        await("case ready").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                JsonPath.<Object>read(client.get("/api/review/cases/" + applicationId, approver).body(),
                        "$.verification") != null);
        HttpResponse<String> caseView = client.get("/api/review/cases/" + applicationId, approver);
        assertThat((String) JsonPath.read(caseView.body(), "$.verification.verdict")).isEqualTo("PASSED");
        List<String> kinds = JsonPath.read(caseView.body(), "$.verification.documents[*].kind");
        assertThat(kinds).containsExactlyInAnyOrder("CHARTER", "UNION_SEAL");

        String reviewer = client.token("reviewer1", "Reviewer1-pass!");
        assertThat(client.postJson("/api/review/cases/" + applicationId + "/approve", "", reviewer).statusCode())
                .as("a reviewer cannot decide alone").isEqualTo(403);
        HttpResponse<String> approved = client.postJson("/api/review/cases/" + applicationId + "/approve", "", approver);
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
