package tw.laborcloud.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;

/**
 * The public edge of the real stack as an abusive or careless client meets it. Each "person"
 * connects from an address of its own on the loopback network (127.0.0.x): the test suite's own
 * address, 127.0.0.1, is exempt from the rate limits so that the other tests never meet them.
 */
class EdgeSystemTests extends StackTests {

    static HttpClient from(String address) throws IOException {
        return HttpClient.newBuilder().localAddress(InetAddress.getByName(address))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static URI gateway(String path) {
        return URI.create(stack.gatewayUrl() + path);
    }

    @Test
    void anOversizedRegistrationGetsASmall413() throws Exception {
        String nulls = "{\"documents\":[" + "null,".repeat(3_000_000) + "null]}"; // 15 MB of nothing
        HttpResponse<String> answer = send(from("127.0.0.21"), HttpRequest.newBuilder(gateway("/api/registrations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(nulls)).build());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("REQUEST_TOO_LARGE").contains("送出的資料超過");
        assertThat(answer.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(16 * 1024);
    }

    @Test
    void aBurstOfCaptchasFromOneAddressGets429WhileAnotherAddressIsServed() throws Exception {
        HttpClient burst = from("127.0.0.22");
        HttpRequest captcha = HttpRequest.newBuilder(gateway("/api/registrations/captcha")).GET().build();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 61; i++) {
            statuses.add(send(burst, captcha).statusCode());
        }
        assertThat(statuses.subList(0, 60)).containsOnly(200);
        HttpResponse<String> refused = send(burst, captcha);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("RATE_LIMITED").contains("取得驗證碼").contains("分鐘後再試");
        assertThat(send(from("127.0.0.23"), captcha).statusCode()).isEqualTo(200);
    }

    @Test
    void theAuditTrailNamesTheBrowsersAddressNotTheGatewaysOrOneTheBrowserClaims() throws Exception {
        String certificateNo = String.valueOf(ThreadLocalRandom.current().nextInt(20_000_000, 99_999_999));
        String applicationId = client.registerUnion(certificateNo, "Union-Pass-2026",
                "edge-" + certificateNo + "@union.example", "新北市邊界測試產業工會");
        String reviewer = client.token("reviewer1", "Reviewer1-pass!");
        String approver = client.token("approver1", "Approver1-pass!");
        await("case known to the officers").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> client.get("/api/review/cases/" + applicationId, reviewer).statusCode() == 200);

        HttpResponse<String> viewed = send(from("127.0.0.24"), HttpRequest.newBuilder(gateway("/api/review/cases/" + applicationId))
                .header("Authorization", "Bearer " + reviewer).header("X-Forwarded-For", "203.0.113.99").GET().build());
        assertThat(viewed.statusCode()).isEqualTo(200);

        String audit = client.get("/api/review/cases/" + applicationId + "/audit", approver).body();
        List<Map<String, Object>> views = JsonPath.read(audit, "$[?(@.action == 'VIEW_CASE')]");
        assertThat(views).extracting(v -> v.get("remoteAddress")).contains("127.0.0.24").doesNotContain("203.0.113.99");
    }

    @Test
    void aTokenTheRealmIssuedToAnotherClientIsRefused() throws Exception {
        // admin-cli: a client of every realm, not one of ours; its token does not name our services' audience
        String form = "grant_type=password&client_id=admin-cli&username=reviewer1&password="
                + URLEncoder.encode("Reviewer1-pass!", StandardCharsets.UTF_8);
        HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(stack.keycloakUrl() + "/realms/laborcloud/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String foreign = JsonPath.read(token.body(), "$.access_token");

        assertThat(client.get("/api/review/cases", foreign).statusCode()).isEqualTo(401);
        assertThat(client.get("/api/review/cases", client.token("reviewer1", "Reviewer1-pass!")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void eachUnusableFileAndEachBadUploadReferenceIsRefusedAtOnceWithItsOwnMessage() {
        byte[] pdf = TestFiles.pdf("Charter of the edge union");
        HttpResponse<String> cutPdf = client.upload("CHARTER", "章程.pdf", "application/pdf",
                java.util.Arrays.copyOf(pdf, pdf.length / 2));
        assertThat(cutPdf.statusCode()).isEqualTo(422);
        assertThat(cutPdf.body()).contains("PDF_TRUNCATED").contains("PDF 檔案不完整");
        byte[] jpeg = TestFiles.image("SEAL 12345678", "jpg");
        HttpResponse<String> cutImage = client.upload("UNION_SEAL", "圖記.jpg", "image/jpeg",
                java.util.Arrays.copyOf(jpeg, jpeg.length / 2));
        assertThat(cutImage.statusCode()).isEqualTo(422);
        assertThat(cutImage.body()).contains("IMAGE_TRUNCATED").contains("圖片資料不完整");

        String cert = String.valueOf(ThreadLocalRandom.current().nextInt(20_000_000, 99_999_999));
        String charter = client.uploaded("CHARTER", "章程.pdf", "application/pdf", TestFiles.pdf("Charter " + cert));
        String certificate = client.uploaded("CERTIFICATE_SCAN", "立案證書.pdf", "application/pdf",
                TestFiles.pdf("Certificate " + cert));
        String seal = client.uploaded("UNION_SEAL", "圖記.jpg", "image/jpeg", TestFiles.image("SEAL " + cert, "jpg"));
        String representative = client.uploaded("REPRESENTATIVE_SEAL", "負責人章.bmp", "image/bmp",
                TestFiles.image("REP " + cert, "bmp"));
        String email = "refs-" + cert + "@union.example";

        String forged = charter.replaceAll("\"ticket\":\"[^\"]+\"", "\"ticket\":\"bm90LWEtdGlja2V0.Zm9yZ2Vk\"");
        assertRefused(client.submitRegistration(cert, "Union-Pass-2026", email, "新北市參照測試產業工會",
                List.of(forged, certificate, seal, representative)), "UPLOAD_UNKNOWN", "找不到「章程");
        // the two seals swapped between their fields: each uploaded as the other kind
        String sealAsRepresentative = seal.replace("\"kind\":\"UNION_SEAL\"", "\"kind\":\"REPRESENTATIVE_SEAL\"");
        String representativeAsSeal = representative.replace("\"kind\":\"REPRESENTATIVE_SEAL\"", "\"kind\":\"UNION_SEAL\"");
        assertRefused(client.submitRegistration(cert, "Union-Pass-2026", email, "新北市參照測試產業工會",
                List.of(charter, certificate, representativeAsSeal, sealAsRepresentative)), "UPLOAD_KIND_MISMATCH", "不能作為");

        assertThat(client.submitRegistration(cert, "Union-Pass-2026", email, "新北市參照測試產業工會",
                List.of(charter, certificate, seal, representative)).statusCode()).isEqualTo(201);
        String other = String.valueOf(Integer.parseInt(cert) + 1);
        assertRefused(client.submitRegistration(other, "Union-Pass-2026", "other-" + email, "新北市參照測試第二產業工會",
                List.of(charter, certificate, seal, representative)), "UPLOAD_ALREADY_USED", "已用於先前送出的其他申請");
    }

    private static void assertRefused(HttpResponse<String> answer, String code, String message) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        assertThat(answer.body()).contains(code).contains(message);
    }

    @Test
    void aServiceUnderTheProdProfileWithADevelopmentSecretDoesNotStart() throws Exception {
        Path jar = Path.of("..", "registration-service", "target", "registration-service-0.1.0-SNAPSHOT-exec.jar");
        Path log = Files.createTempFile("prod-refusal", ".log");
        Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--spring.profiles.active=prod", "--server.port=0",
                "--laborcloud.kafka.brokers=" + stack.kafkaBootstrapServers(), "--laborcloud.mongodb.uri=" + stack.mongoUri())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertThat(service.waitFor(120, TimeUnit.SECONDS)).as("it stops by itself").isTrue();
            assertThat(service.exitValue()).isNotZero();
            assertThat(Files.readString(log)).contains("the prod profile refuses to start with development settings")
                    .contains("laborcloud.keycloak.admin-client-secret").doesNotContain("labor-backend-dev-secret");
        } finally {
            service.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
