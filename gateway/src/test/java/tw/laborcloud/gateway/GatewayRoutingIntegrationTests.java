package tw.laborcloud.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/**
 * The gateway in front of stand-in downstream services, one per service, each recording what
 * reaches it under its own name, so that a test can tell which service got each call.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingIntegrationTests {

    /** The services behind the gateway, by the names of {@code laborcloud.services}. */
    static final List<String> SERVICES = List.of("registration", "document", "review", "notification", "union-affairs",
            "ops-console");

    static final List<Headers> received = new CopyOnWriteArrayList<>();
    /** "service METHOD path" for every call that reached a service. */
    static final List<String> paths = new CopyOnWriteArrayList<>();
    static final List<HttpServer> downstream = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) throws IOException {
        for (String service : SERVICES) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                received.add(exchange.getRequestHeaders());
                paths.add(service + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
                byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(201, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            // the gateway balances over the instances whose health answers 200; its checks are not recorded
            server.createContext("/actuator/health", exchange -> {
                byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            downstream.add(server);
            registry.add("laborcloud.services." + service, () -> "http://127.0.0.1:" + server.getAddress().getPort());
        }
    }

    @AfterAll
    static void stop() {
        downstream.forEach(server -> server.stop(0));
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Test
    void anApplicantsPostReachesTheRegistrationServiceWithACorrelationIdAndWithoutCookies() throws Exception {
        received.clear();
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/registrations"))
                .header("Content-Type", "application/json").header("Cookie", "tracking=1")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("X-Correlation-Id")).isPresent();
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().getFirst("X-Correlation-Id"))
                .isEqualTo(response.headers().firstValue("X-Correlation-Id").orElseThrow());
        assertThat(received.getFirst().containsKey("Cookie")).isFalse();
    }

    @Test
    void aSaneIncomingCorrelationIdIsKeptAndGarbageIsReplaced() throws Exception {
        HttpResponse<String> kept = send(HttpRequest.newBuilder(uri("/api/review/cases"))
                .header("X-Correlation-Id", "trace-12345678").GET());
        assertThat(kept.headers().firstValue("X-Correlation-Id")).hasValue("trace-12345678");
        HttpResponse<String> replaced = send(HttpRequest.newBuilder(uri("/api/review/cases"))
                .header("X-Correlation-Id", "bad id\twith spaces").GET());
        assertThat(replaced.headers().firstValue("X-Correlation-Id").orElseThrow()).doesNotContain(" ");
    }

    @Test
    void everyRouteReachesItsOwnService() throws Exception {
        String[][] calls = {
            { "POST", "/api/registrations", "registration" },
            { "GET", "/api/registrations/R20260101-ABC123/status", "registration" },
            { "POST", "/api/documents", "document" },
            { "GET", "/api/documents/u-1/preview", "document" },
            { "GET", "/api/review/cases", "review" },
            { "GET", "/api/union/profile", "union-affairs" },
            { "GET", "/api/notifications/preferences", "notification" },
            { "GET", "/api/ops/consumer-groups", "ops-console" },
        };
        for (String[] call : calls) {
            paths.clear();
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(call[1])).header("Authorization", "Bearer any")
                    .method(call[0], "POST".equals(call[0]) ? HttpRequest.BodyPublishers.ofString("{}")
                            : HttpRequest.BodyPublishers.noBody());
            HttpResponse<String> response = send(request.header("Content-Type", "application/json"));
            assertThat(paths).as("%s %s (answered %d)", call[0], call[1], response.statusCode())
                    .containsExactly(call[2] + " " + call[0] + " " + call[1]);
        }
    }

    @Test
    void thePortalNeedsALoginThroughKeycloakAndUnknownPathsAreRefused() throws Exception {
        HttpResponse<String> portal = send(HttpRequest.newBuilder(uri("/portal")).GET());
        assertThat(portal.statusCode()).isEqualTo(302);
        assertThat(portal.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/authorization/keycloak");
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/oauth2/authorization/keycloak")).GET());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow())
                .startsWith("http://localhost:8180/realms/laborcloud/protocol/openid-connect/auth")
                .contains("client_id=gateway");
        assertThat(send(HttpRequest.newBuilder(uri("/")).GET()).body()).contains("以工會身分登入");
        assertThat(send(HttpRequest.newBuilder(uri("/internal/secret")).GET()).statusCode()).isIn(302, 401, 403);
    }

    @Test
    void theOfficersPagesLogInThroughTheStaffClientWithItsOwnLoginPage() throws Exception {
        for (String page : new String[] {"/review/", "/review/case?id=R1", "/ops/"}) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(page)).GET());
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(page)
                    .endsWith("/oauth2/authorization/keycloak-staff");
        }
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/oauth2/authorization/keycloak-staff")).GET());
        assertThat(login.headers().firstValue("Location").orElseThrow())
                .startsWith("http://localhost:8180/realms/laborcloud/protocol/openid-connect/auth")
                .contains("client_id=review").contains("ui_locales=zh-TW").contains("code_challenge_method=S256");
    }

    @Test
    void eachServicesApiDescriptionIsReachedFromTheOneSwaggerUiPage() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/swagger-ui.html")).GET());
        assertThat(page.statusCode()).isEqualTo(302);
        String location = page.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/swagger-ui/index.html");
        HttpResponse<String> ui = send(HttpRequest.newBuilder(uri(location)).GET());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("Swagger UI");
        String config = send(HttpRequest.newBuilder(uri("/v3/api-docs/swagger-config")).GET()).body();
        String[][] descriptions = {
            { "registration", "registration" }, { "document", "document" }, { "review", "review" },
            { "union-affairs", "union-affairs" }, { "notification", "notification" }, { "ops", "ops-console" },
        };
        for (String[] description : descriptions) {
            assertThat(config).contains("\"/api-docs/" + description[0] + "\"");
            paths.clear();
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api-docs/" + description[0])).GET());
            assertThat(paths).as("/api-docs/%s (answered %d)", description[0], response.statusCode())
                    .containsExactly(description[1] + " GET /v3/api-docs");
        }
        assertThat(config).contains("工會帳號申請 API", "審查作業 API");
    }
}
