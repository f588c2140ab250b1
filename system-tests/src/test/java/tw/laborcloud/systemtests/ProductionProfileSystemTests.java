package tw.laborcloud.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Page;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import tw.laborcloud.infra.LocalStack;
import tw.laborcloud.infra.MailMessage;
import tw.laborcloud.infra.StackConfig;

/**
 * {@code ./run --prod}: every service under the prod profile, the production realm (no demo users, no password
 * grants) with secrets made at the first start, no fixed captcha. It comes up (the prod profile refuses any
 * development secret, so starting is itself a check), and one union goes the whole way through it as in
 * production: officers created by an operator in Keycloak's admin API, the union registered through the public
 * API with the real captcha, its address confirmed from the mail, the two-step decision in the officers' pages,
 * the activation mail, the union's login. Runs in its own JVM after the others (its stack uses the same ports).
 */
class ProductionProfileSystemTests {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static LocalStack stack;
    static Browser browser;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startProductionLikeStack() {
        Path repoRoot = Path.of("..").toAbsolutePath().normalize();
        Path dataDir = repoRoot.resolve("system-tests/target/prod-data");
        SharedStack.deleteRecursively(dataDir);
        stack = LocalStack.start(StackConfig.builder().repoRoot(repoRoot).dataDir(dataDir).prod(true).build());
        System.out.println(stack.describe());
        browser = new Browser();
    }

    @AfterAll
    static void stopStack() {
        if (browser != null) {
            browser.close();
        }
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void aUnionRegistersIsApprovedInTwoStepsAndLogsInOnTheProductionProfile() throws Exception {
        // the realm has no users: the operator creates the two officers with Keycloak's admin API
        String admin = keycloakAdminToken();
        createOfficer(admin, "prod-reviewer", "reviewer");
        createOfficer(admin, "prod-approver", "approver");
        // and no password grant: a token for an officer cannot be had without the login page
        HttpResponse<String> grant = http.send(HttpRequest.newBuilder(
                        URI.create(stack.keycloakUrl() + "/realms/laborcloud/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=labor-test&username="
                        + "prod-reviewer&password=" + URLEncoder.encode(OFFICER_PASSWORD, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(grant.statusCode()).as(grant.body()).isIn(400, 401);

        // the union registers through the public API with the real captcha (no fixed answer under prod)
        StackClient union = new StackClient(stack.gatewayUrl(), stack.keycloakUrl(), this::answerOf);
        String certificateNo = String.valueOf(ThreadLocalRandom.current().nextInt(20_000_000, 99_999_999));
        String email = "prod-" + certificateNo + "@union.example";
        String applicationId = union.registerUnion(certificateNo, "Union-Pass-2026", email, "新北市正式設定測試產業工會");
        union.openConfirmationLink(stack, email);

        // the reviewer proposes, the supervisor signs off, in the officers' pages
        Page reviewer = browser.newPage();
        reviewer.navigate(stack.gatewayUrl() + "/review/case?id=" + applicationId);
        reviewer.waitForURL(Pattern.compile("^" + Pattern.quote(stack.keycloakUrl()) + "/realms/laborcloud/.*"));
        browser.logInAtKeycloak(reviewer, "prod-reviewer", OFFICER_PASSWORD);
        reviewer.waitForURL(Pattern.compile(".*/review/case\\?id=" + Pattern.quote(applicationId)));
        await("case ready, address confirmed").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .pollInSameThread().ignoreExceptions().untilAsserted(() -> {
                    reviewer.reload();
                    assertThat(reviewer.locator("#case-status")).hasText("待審查");
                    // the address confirmed: approval is possible only then
                    assertThat(reviewer.locator("#case-email")).containsText("已確認");
                });
        reviewer.locator("input[name=outcome][value=APPROVE]").check();
        reviewer.locator("#submit-proposal").click();
        assertThat(reviewer.locator("#case-status")).hasText("待主管核定");
        Page approver = browser.newPage();
        approver.navigate(stack.gatewayUrl() + "/review/case?id=" + applicationId);
        browser.logInAtKeycloak(approver, "prod-approver", OFFICER_PASSWORD);
        approver.waitForURL(Pattern.compile(".*/review/case\\?id=" + Pattern.quote(applicationId)));
        approver.locator("#sign-off").click();
        approver.locator("#confirm-sign-off").click();
        assertThat(approver.locator("#case-status")).hasText("核准");

        // the account is opened and the union told; it logs in with its certificate number
        MailMessage activation = await("activation mail").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500)).until(() -> stack.mailMessages().stream()
                        .filter(m -> m.to().contains(email) && RegistrationToActivationSystemTests.isActivation(m))
                        .findFirst().orElse(null), m -> m != null);
        assertThat(activation.text()).contains(certificateNo);
        Page clerk = browser.newPage();
        clerk.navigate(stack.gatewayUrl() + "/portal");
        browser.logInAtKeycloak(clerk, certificateNo, "Union-Pass-2026");
        clerk.waitForURL(stack.gatewayUrl() + "/portal");
        assertThat(clerk.locator("#union-portal")).isVisible();
        browser.screenshot(clerk, "prod-01-union-portal");
    }

    static final String OFFICER_PASSWORD = "Officer-Prod-2026!";

    /** Keycloak's master-realm admin, with the bootstrap password the stack made (an operator reads the same file). */
    static String keycloakAdminToken() throws Exception {
        Properties secrets = new Properties();
        try (InputStream in = Files.newInputStream(stack.config().dataDir().resolve("secrets/prod.properties"))) {
            secrets.load(in);
        }
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(
                        URI.create(stack.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password="
                        + URLEncoder.encode(secrets.getProperty("KEYCLOAK_ADMIN_PASSWORD"), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JsonPath.read(token.body(), "$.access_token");
    }

    static void createOfficer(String adminToken, String username, String role) throws Exception {
        String users = stack.keycloakUrl() + "/admin/realms/laborcloud/users";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(users))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"username":"%s","enabled":true,"email":"%s@labor.example","emailVerified":true,
                         "firstName":"正式","lastName":"同仁",
                         "credentials":[{"type":"password","value":"%s","temporary":false}]}
                        """.formatted(username, username, OFFICER_PASSWORD))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String userUrl = created.headers().firstValue("Location").orElseThrow();
        String roleJson = http.send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl()
                        + "/admin/realms/laborcloud/roles/" + role)).header("Authorization", "Bearer " + adminToken).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> granted = http.send(HttpRequest.newBuilder(URI.create(userUrl + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + roleJson + "]")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(204);
    }

    /**
     * The answer of a captcha, as a test without eyes can find it: the service keeps only the SHA-256 of the
     * answer, and five characters of a 31-letter alphabet are 28.6 million candidates, a few seconds of hashing.
     */
    String answerOf(String captchaId) {
        String hash;
        try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            Document captcha = mongo.getDatabase("registration-service").getCollection("captchas")
                    .find(new Document("_id", captchaId)).first();
            assertThat(captcha).as("captcha " + captchaId).isNotNull();
            hash = captcha.getString("answerHash");
        }
        byte[] target = HexFormat.of().parseHex(hash);
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] candidate = new byte[5];
        int n = ALPHABET.length();
        for (int i = 0; i < n * n * n * n * n; i++) {
            int rest = i;
            for (int k = 4; k >= 0; k--) {
                candidate[k] = (byte) ALPHABET.charAt(rest % n);
                rest /= n;
            }
            if (MessageDigest.isEqual(sha.digest(candidate), target)) {
                return new String(candidate, StandardCharsets.US_ASCII);
            }
        }
        throw new AssertionError("no five-character answer has the hash of captcha " + captchaId);
    }
}
