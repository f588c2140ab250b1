package tw.laborcloud.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tw.laborcloud.platform.security.PlatformSecurity;
import tw.laborcloud.platform.test.LocalTestInfra;
import tw.laborcloud.platform.web.ApiException;
import tw.laborcloud.platform.web.FieldViolation;

/**
 * What a service answers to bodies made to hurt it: too large (declared or streamed), nested too
 * deep, or with thousands of bad fields. Each answer is small and says what is wrong.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=platform-limits")
@DirtiesContext
@Import(RequestLimitsIntegrationTests.FormEndpoint.class)
class RequestLimitsIntegrationTests {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }

    @TestConfiguration
    static class FormEndpoint {

        record Form(List<String> documents) {
        }

        /** Found by the test application's component scan. */
        @RestController
        static class Forms {
            /** Like a registration: one error per bad list element. */
            @PostMapping("/api/forms")
            String submit(@RequestBody Form form) {
                List<FieldViolation> errors = new ArrayList<>();
                for (int i = 0; i < form.documents().size(); i++) {
                    if (form.documents().get(i) == null) {
                        errors.add(new FieldViolation("documents[" + i + "]", "REQUIRED", "請選擇檔案"));
                    }
                }
                if (!errors.isEmpty()) {
                    throw ApiException.invalid(errors);
                }
                return "ok";
            }
        }

        @Bean
        SecurityFilterChain openForms(HttpSecurity http) throws Exception {
            return PlatformSecurity.resourceServer(http, auth -> auth.requestMatchers("/api/forms").permitAll());
        }
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/forms"))
                .header("Content-Type", "application/json").POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String nulls(int count) {
        return "{\"documents\":[" + "null,".repeat(count - 1) + "null]}";
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        HttpResponse<String> answer = post(HttpRequest.BodyPublishers.ofString(nulls(70_000)));
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("REQUEST_TOO_LARGE").contains("256 KB");
        assertThat(answer.body().length()).isLessThan(1024);
    }

    @Test
    void aStreamedBodyOverTheLimitIsRefusedWhereItPassesIt() throws Exception {
        byte[] body = nulls(70_000).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("REQUEST_TOO_LARGE");
    }

    @Test
    void aBodyNestedTooDeepIsRefusedAsTooComplex() throws Exception {
        String deep = "{\"documents\":[\"a\"],\"extra\":" + "{\"x\":".repeat(500) + "1" + "}".repeat(500) + "}";
        HttpResponse<String> answer = post(HttpRequest.BodyPublishers.ofString(deep));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("BODY_TOO_COMPLEX");
    }

    @Test
    void thousandsOfBadFieldsAreAnsweredWithTheFirstFiftyAndACountOfTheRest() throws Exception {
        HttpResponse<String> answer = post(HttpRequest.BodyPublishers.ofString(nulls(20_000)));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"moreErrors\":19950").contains("documents[49]").doesNotContain("documents[50]");
        assertThat(answer.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(16 * 1024);
    }
}
