package tw.laborcloud.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;

import tw.laborcloud.events.Topics;
import tw.laborcloud.platform.test.KafkaTestClient;
import tw.laborcloud.platform.test.LocalTestInfra;
import tw.laborcloud.registration.registration.RegistrationForms;

/**
 * The service dies after writing a registration and before publishing its event; when it
 * starts again on the same store, the event is delivered. The first run has its relay off,
 * which is exactly the state a crash between the write and the send leaves behind.
 */
class OutboxRecoveryIntegrationTests {

    @Test
    void anEventWrittenButNotPublishedBeforeACrashIsDeliveredAfterRestart() throws Exception {
        Map<String, Object> infra = new HashMap<>();
        DynamicPropertyRegistry registry = (name, supplier) -> infra.put(name, supplier.get());
        LocalTestInfra.register(registry);
        String cert = "87000001";

        String applicationId;
        try (ConfigurableApplicationContext crashed = start(infra, false)) {
            String base = "http://127.0.0.1:" + port(crashed) + "/api/registrations";
            HttpClient http = HttpClient.newHttpClient();
            String captcha = http.send(HttpRequest.newBuilder(URI.create(base + "/captcha")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(RegistrationForms.json(cert, "clerk@union.example",
                            com.jayway.jsonpath.JsonPath.read(captcha, "$.captchaId"), "TEST")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(201);
            applicationId = response.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
            assertThat(KafkaTestClient.readAll(LocalTestInfra.brokers(), Topics.REGISTRATION_SUBMITTED, applicationId,
                    Duration.ofSeconds(3))).as("nothing published before the crash").isEmpty();
        }

        try (ConfigurableApplicationContext restarted = start(infra, true)) {
            assertThat(KafkaTestClient.awaitOne(LocalTestInfra.brokers(), Topics.REGISTRATION_SUBMITTED,
                    applicationId, Duration.ofSeconds(30)).value()).contains(cert);
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> infra, boolean relayEnabled) {
        Map<String, Object> props = new HashMap<>(infra);
        props.put("server.port", "0");
        props.put("laborcloud.outbox.relay-enabled", String.valueOf(relayEnabled));
        props.put("spring.cloud.function.definition", "");
        props.put("spring.profiles.active", "captcha-fixed");
        // command-line arguments: they outrank the platform defaults, as on a real start
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(RegistrationApplication.class).run(args);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getBean(Environment.class).getProperty("local.server.port"));
    }
}
