package tw.laborcloud.ops;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tw.laborcloud.events.Topics;

/**
 * What the console's scenarios share: the console against a real Kafka broker and the MongoDB-wire
 * store, with two stand-in services ({@link ProbeConsumers}) that consume like the real ones and
 * stand-ins for what the health view probes ({@link StandIns}); the ops officer's token, the
 * console's JSON and the events the scenarios publish.
 */
@SpringBootTest(properties = {
        "laborcloud.ops.sample-interval=PT0.5S",
        "laborcloud.ops.topic-discovery=PT1S",
        "laborcloud.ops.health-timeout=PT2S" })
@AutoConfigureMockMvc
@Import(ProbeConsumers.class)
@DirtiesContext
abstract class OpsConsoleScenarioSupport {

    static final String REGISTRATIONS_DLQ = "error." + Topics.REGISTRATION_SUBMITTED + "."
            + ProbeConsumers.REGISTRATIONS_GROUP;
    static final Duration WAIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        for (String property : ProbeConsumers.PROPERTIES) {
            int eq = property.indexOf('=');
            registry.add(property.substring(0, eq), () -> property.substring(eq + 1));
        }
        StandIns.start();
        int closed = StandIns.closedPort();
        registry.add("laborcloud.ops.services.stand-in-service", StandIns::httpUrl);
        registry.add("laborcloud.ops.services.stopped-service", () -> "http://127.0.0.1:" + closed);
        registry.add("laborcloud.keycloak.url", StandIns::httpUrl);
        registry.add("laborcloud.mail.host", () -> "127.0.0.1");
        registry.add("laborcloud.mail.port", StandIns::smtpPort);
    }

    @Value("${laborcloud.kafka.brokers}")
    String brokers;
    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    MeterRegistry meters;

    // ---- helpers ---------------------------------------------------------------------------

    static JwtRequestPostProcessor ops(String username) {
        return jwt().jwt(j -> j.claim("preferred_username", username))
                .authorities(new SimpleGrantedAuthority("ROLE_ops"));
    }

    JsonNode json(MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(request.with(ops("ops1"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    /** The first of {@code items} whose {@code field} is {@code value}, or null. */
    static JsonNode firstWith(JsonNode items, String field, String value) {
        for (JsonNode item : items) {
            if (value.equals(item.get(field).asString())) {
                return item;
            }
        }
        return null;
    }

    double gauge(String name, String tag, String value) {
        return meters.find(name).tag(tag, value).gauges().stream().mapToDouble(Gauge::value).sum();
    }

    static String applicationId() {
        return "R20261127-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String certificateNo() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
    }

    static String verified(String app, String eventId, String occurredAt) {
        return """
                {"eventId":"%s","occurredAt":"%s","applicationId":"%s","correlationId":"corr-ops-0001",
                 "schemaVersion":2,"verdict":"PASSED","round":1,"documents":[{"kind":"CHARTER","uploadId":"u-1",
                 "contentType":"application/pdf","size":1234,"pages":2,"sha256":"ab","findings":[]}]}
                """.formatted(eventId, occurredAt, app);
    }

    static String approved(String app, String certificateNo, String occurredAt) {
        return """
                {"eventId":"a-%s","occurredAt":"%s","applicationId":"%s","correlationId":"corr-ops-0001",
                 "schemaVersion":1,"certificateNo":"%s","decidedBy":"approver1"}
                """.formatted(app, occurredAt, app, certificateNo);
    }
}
