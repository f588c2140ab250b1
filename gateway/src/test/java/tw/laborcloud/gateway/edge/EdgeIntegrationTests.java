package tw.laborcloud.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tw.laborcloud.gateway.GatewayApplication;

/**
 * The public edge as an abusive or a careless client meets it: bodies over the limits, bursts
 * from one address (also spread over two gateway instances sharing their buckets), forged
 * forwarding headers. Clients connect from distinct loopback addresses (127.0.0.x), so that
 * each is a different person to the gateway.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EdgeIntegrationTests {

    static final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    static StandInStack stack;

    @DynamicPropertySource
    static void edge(DynamicPropertyRegistry registry) throws IOException {
        stack = StandInStack.start(exchange -> received.add(Map.of("path", exchange.getRequestURI().getPath(),
                "xff", String.valueOf(exchange.getRequestHeaders().getFirst("X-Forwarded-For")),
                "host", String.valueOf(exchange.getRequestHeaders().getFirst("X-Forwarded-Host")))));
        properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    /** The same for both gateway instances: the stand-in service, the shared store, small limits. */
    static Map<String, String> properties() {
        Map<String, String> properties = new java.util.LinkedHashMap<>(stack.gatewayProperties());
        properties.putAll(Map.ofEntries(
                Map.entry("laborcloud.rate-limits.exempt-addresses[0]", "127.0.0.9"),
                // the rules of application.yml give way to one small rule (a list is replaced whole)
                Map.entry("laborcloud.rate-limits.rules[0].name", "status"),
                Map.entry("laborcloud.rate-limits.rules[0].method", "GET"),
                Map.entry("laborcloud.rate-limits.rules[0].path", "/api/registrations/{id}"),
                Map.entry("laborcloud.rate-limits.rules[0].capacity", "3"),
                Map.entry("laborcloud.rate-limits.rules[0].period", "1h"),
                Map.entry("laborcloud.rate-limits.rules[0].label", "查詢申請進度")));
        return properties;
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @LocalServerPort
    int port;

    static HttpClient from(String address) throws IOException {
        return HttpClient.newBuilder().localAddress(InetAddress.getByName(address)).build();
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Test
    void aBodyOverTheLimitGetsASmall413AndNeverReachesTheService() throws Exception {
        received.clear();
        String nulls = "{\"documents\":[" + "null,".repeat(200_000) + "null]}"; // ~1 MB of a registration's worst
        HttpResponse<String> answer = send(from("127.0.0.11"), HttpRequest.newBuilder(uri("/api/registrations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(nulls)).build());

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(answer.body()).contains("\"code\":\"REQUEST_TOO_LARGE\"").contains("256 KB");
        assertThat(answer.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(16 * 1024);
        assertThat(received).isEmpty();
    }

    @Test
    void aSupervisorsRegisterImportWithItsSealsMayBeLargerThanAFormButAFormMayNot() throws Exception {
        received.clear();
        String boundary = "----edge-test";
        String seals = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"seals\"; filename=\"s.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n" + "x".repeat(100 * 1024) + "\r\n").repeat(6);
        HttpResponse<String> imported = send(from("127.0.0.14"), HttpRequest.newBuilder(uri("/api/review/register/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(seals + "--" + boundary + "--\r\n")).build());

        assertThat(imported.statusCode()).as("600 KB of seal images reach the review service").isEqualTo(200);
        assertThat(received).extracting(r -> r.get("path")).containsExactly("/api/review/register/import");

        HttpResponse<String> correction = send(from("127.0.0.14"), HttpRequest.newBuilder(uri("/api/review/register/10430000"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"reason\":\"" + "x".repeat(600 * 1024) + "\"}")).build());
        assertThat(correction.statusCode()).as("a correction is a form: 256 KB").isEqualTo(413);
        assertThat(received).hasSize(1);
    }

    @Test
    void aBodyWithoutALengthIsCutOffAtTheLimitAsItStreams() throws Exception {
        byte[] tooMuch = new byte[400 * 1024];
        HttpResponse<String> answer = send(from("127.0.0.12"), HttpRequest.newBuilder(uri("/api/registrations/R1/supplements"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooMuch))).build());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("REQUEST_TOO_LARGE");
    }

    @Test
    void theServiceSeesTheConnectionsAddressNeverOneTheClientClaims() throws Exception {
        received.clear();
        send(from("127.0.0.13"), HttpRequest.newBuilder(uri("/api/review/cases"))
                .header("X-Forwarded-For", "203.0.113.66").header("X-Forwarded-Host", "evil.example").GET().build());
        assertThat(received).hasSize(1);
        assertThat(received.getFirst()).containsEntry("xff", "127.0.0.13").containsEntry("host", "null");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aBurstFromOneAddressGets429WithRetryAfterWhileAnotherAddressIsServed(CapturedOutput log) throws Exception {
        HttpClient burst = from("127.0.0.14");
        for (int i = 0; i < 3; i++) {
            assertThat(send(burst, status()).statusCode()).isEqualTo(200);
        }
        received.clear();
        HttpResponse<String> refused = send(burst, status());
        assertThat(refused.statusCode()).isEqualTo(429);
        // refused at the edge: the service never sees it (a limit that only hid the answer would protect nothing),
        // and the refusal is the whole answer: nothing runs on behind it into an error in the log
        assertThat(received).isEmpty();
        // (the chain behind would fail a moment after the answer: watch the log for a second)
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> !log.getOut().contains("already committed"));
        assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(
                s -> assertThat(s).isBetween(1L, 3600L));
        assertThat(refused.body()).contains("\"code\":\"RATE_LIMITED\"").contains("查詢申請進度").contains("分鐘後再試");
        assertThat(send(from("127.0.0.15"), status()).statusCode()).isEqualTo(200);
        // an exempt address (a load test's own machine) is never limited
        HttpClient exempt = from("127.0.0.9");
        for (int i = 0; i < 5; i++) {
            assertThat(send(exempt, status()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void twoGatewayInstancesDrawFromTheSameBucketOfAnAddress() throws Exception {
        // as arguments: they must win over application.yml, as the test's properties do for the first instance
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0"));
        properties().forEach((k, v) -> args.add("--" + k + "=" + v));
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(GatewayApplication.class)
                .run(args.toArray(String[]::new))) {
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            HttpClient client = from("127.0.0.16");
            List<Integer> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int target = i % 2 == 0 ? port : secondPort;
                statuses.add(send(client, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target
                        + "/api/registrations/R20261203-000001?certificateNo=12345678")).GET().build()).statusCode());
            }
            assertThat(statuses).containsExactly(200, 200, 200, 429);
        }
    }

    HttpRequest status() {
        return HttpRequest.newBuilder(uri("/api/registrations/R20261203-000001?certificateNo=12345678")).GET().build();
    }
}
