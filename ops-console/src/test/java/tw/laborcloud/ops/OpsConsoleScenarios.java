package tw.laborcloud.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
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
import tw.laborcloud.platform.test.KafkaTestClient;

/**
 * The console against a real Kafka broker and the MongoDB-wire store, with two stand-in
 * services ({@link ProbeConsumers}) that consume like the real ones.
 */
@SpringBootTest(properties = {
        "laborcloud.ops.sample-interval=PT0.5S",
        "laborcloud.ops.topic-discovery=PT1S",
        "laborcloud.ops.health-timeout=PT2S" })
@AutoConfigureMockMvc
@Import(ProbeConsumers.class)
@DirtiesContext
abstract class OpsConsoleScenarios {

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
    BindingsLifecycleController bindings;
    @Autowired
    MeterRegistry meters;

    // ---- the scenarios of issue 8 ----------------------------------------------------------

    @Test
    void aPoisonedEventIsDeadLetteredShownWithItsErrorReplayedAfterTheFixAndThenProcessedOnce() throws Exception {
        String app = applicationId();
        String certificateNo = certificateNo();
        String eventId = "ev-" + app;
        ProbeConsumers.poisoned.add(app);
        KafkaTestClient.send(brokers, Topics.REGISTRATION_SUBMITTED, app,
                submitted(app, eventId, certificateNo, "2026-11-27T01:00:00Z"));

        // in the console, with its error, where it came from, its key, headers and payload, masked
        JsonNode letter = await().atMost(WAIT).until(() -> deadLetterOf(eventId), l -> l != null);
        assertThat(letter.get("dlqTopic").asString()).isEqualTo(REGISTRATIONS_DLQ);
        assertThat(letter.get("group").asString()).isEqualTo(ProbeConsumers.REGISTRATIONS_GROUP);
        assertThat(letter.get("originalTopic").asString()).isEqualTo(Topics.REGISTRATION_SUBMITTED);
        assertThat(letter.get("originalPartition").isNumber()).isTrue();
        assertThat(letter.get("key").asString()).isEqualTo(app);
        assertThat(letter.get("status").asString()).isEqualTo("WAITING");
        // the console shows the event by its name from the topic table, not by its type
        assertThat(letter.get("eventLabel").asString()).isEqualTo("註冊申請送出");
        // the handler's own exception, not the binder's retry wrapper
        assertThat(letter.get("error").asString()).startsWith("cannot handle " + eventId).contains("c***@example.tw");
        assertThat(letter.get("errorType").asString()).isEqualTo("java.lang.IllegalStateException");
        assertThat(letter.get("headers").get("x-original-topic").asString()).isEqualTo(Topics.REGISTRATION_SUBMITTED);
        assertThat(letter.get("payload").asString()).contains("c***@example.tw").contains("王**")
                .contains("*******678").contains("陳**").contains("（已隱藏）");
        assertThat(letter.toString()).doesNotContain("clerk.chen@").doesNotContain("王小明")
                .doesNotContain("0912-345-678").doesNotContain("secret-token-");
        assertThat(outcomeOf(app, "RegistrationSubmitted", ProbeConsumers.REGISTRATIONS_GROUP))
                .isEqualTo("DEAD_LETTERED");
        await().atMost(WAIT).until(() -> gauge("laborcloud.deadletters.waiting", "topic", REGISTRATIONS_DLQ) >= 1);

        // the cause is fixed; an operator replays it
        ProbeConsumers.poisoned.remove(app);
        String id = letter.get("id").asString();
        mvc.perform(post("/api/ops/dead-letters/{id}/replay", id).with(ops("ops1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replayedTo").value(org.hamcrest.Matchers.startsWith(
                        Topics.REGISTRATION_SUBMITTED + "-")));

        await().atMost(WAIT).until(() -> ProbeConsumers.registrationsHandled.contains(eventId));
        // processed: the group's committed offset passed the replayed record
        await().atMost(WAIT).until(() -> "PROCESSED".equals(
                outcomeOf(app, "RegistrationSubmitted", ProbeConsumers.REGISTRATIONS_GROUP)));
        assertThat(ProbeConsumers.registrationsHandled).filteredOn(eventId::equals).hasSize(1);

        // marked replayed (still in Kafka), not replayable twice, audited
        assertThat(json(get("/api/ops/dead-letters/{id}", id)).get("status").asString()).isEqualTo("REPLAYED");
        mvc.perform(post("/api/ops/dead-letters/{id}/replay", id).with(ops("ops2")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ALREADY_REPLAYED"));
        JsonNode audits = json(get("/api/ops/replays").param("deadLetterId", id));
        assertThat(audits).hasSize(1);
        assertThat(audits.get(0).get("replayedBy").asString()).isEqualTo("ops1");
        assertThat(audits.get(0).get("outcome").asString()).isEqualTo("REPLAYED");
        assertThat(audits.get(0).get("requestedFrom").asString()).isNotBlank();
        assertThat(audits.get(0).get("replayedTo").asString()).startsWith(Topics.REGISTRATION_SUBMITTED + "-");
        // the timeline shows both deliveries, the second one as the replay by ops1
        JsonNode step = stepOf(trace(app), "RegistrationSubmitted");
        assertThat(step.get("deliveries")).hasSize(2);
        List<String> replayedBy = new ArrayList<>();
        step.get("deliveries").forEach(d -> {
            if (d.hasNonNull("replayedBy")) {
                replayedBy.add(d.get("replayedBy").asString());
            }
        });
        assertThat(replayedBy).containsExactly("ops1");
        await().atMost(WAIT).until(() -> gauge("laborcloud.deadletters.waiting", "topic", REGISTRATIONS_DLQ) == 0);
    }

    @Test
    void replayAllReplaysEveryWaitingDeadLetterOfATopicEachAuditedAndProcessedOnce() throws Exception {
        List<String> apps = List.of(applicationId(), applicationId());
        for (String app : apps) {
            ProbeConsumers.poisoned.add(app);
            KafkaTestClient.send(brokers, Topics.REGISTRATION_SUBMITTED, app,
                    submitted(app, "ev-" + app, certificateNo(), "2026-11-27T02:00:00Z"));
        }
        for (String app : apps) {
            await().atMost(WAIT).until(() -> deadLetterOf("ev-" + app), l -> l != null);
        }
        apps.forEach(ProbeConsumers.poisoned::remove);

        JsonNode result = json(post("/api/ops/dead-letters/replay").param("topic", REGISTRATIONS_DLQ));
        assertThat(result.get("replayed").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(result.get("failed")).isEmpty();
        String batch = result.get("batchId").asString();
        for (String app : apps) {
            String eventId = "ev-" + app;
            await().atMost(WAIT).until(() -> "PROCESSED".equals(
                    outcomeOf(app, "RegistrationSubmitted", ProbeConsumers.REGISTRATIONS_GROUP)));
            assertThat(ProbeConsumers.registrationsHandled).filteredOn(eventId::equals).hasSize(1);
            JsonNode audit = json(get("/api/ops/replays").param("deadLetterId", deadLetterOf(eventId).get("id").asString()));
            assertThat(audit.get(0).get("batchId").asString()).isEqualTo(batch);
        }
        assertThat(waitingLettersOf(REGISTRATIONS_DLQ)).isZero();
    }

    @Test
    void aStoppedConsumersLagGrowsAndIsShownAndDrainsAfterItsRestart() throws Exception {
        String group = ProbeConsumers.VERIFICATIONS_GROUP;
        // running and caught up
        String warmUp = applicationId();
        KafkaTestClient.send(brokers, Topics.DOCUMENTS_VERIFIED, warmUp, verified(warmUp, "ev-" + warmUp,
                "2026-11-27T03:00:00Z"));
        await().atMost(WAIT).until(() -> ProbeConsumers.verificationsHandled.contains("ev-" + warmUp));
        await().atMost(WAIT).until(() -> totalLag(group) == 0);
        Instant caughtUpAt = Instant.now();
        await().atMost(WAIT).until(() -> lagSeriesOf(group, caughtUpAt).contains(0L));

        bindings.changeState(ProbeConsumers.VERIFICATIONS_BINDING, BindingsLifecycleController.State.STOPPED);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String app = applicationId();
            KafkaTestClient.send(brokers, Topics.DOCUMENTS_VERIFIED, app, verified(app, "ev-" + app,
                    "2026-11-27T03:01:0" + i + "Z"));
            sent.add("ev-" + app);
        }

        // the lag is shown per group, per partition, over time and as a gauge
        await().atMost(WAIT).until(() -> totalLag(group) == 5);
        await().atMost(WAIT).until(() -> groupOf(group).get("members").asInt() == 0);
        JsonNode shown = groupOf(group);
        assertThat(shown.get("partitions").findValues("lag").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(5);
        await().atMost(WAIT).until(() -> gauge("laborcloud.kafka.consumer.lag", "group", group) == 5);
        await().atMost(WAIT).until(() -> {
            List<Long> series = lagSeriesOf(group, caughtUpAt);
            return series.contains(0L) && series.indexOf(0L) < series.lastIndexOf(5L);
        });
        assertThat(ProbeConsumers.verificationsHandled).doesNotContainAnyElementsOf(sent);

        bindings.changeState(ProbeConsumers.VERIFICATIONS_BINDING, BindingsLifecycleController.State.STARTED);
        await().atMost(WAIT).until(() -> totalLag(group) == 0);
        assertThat(ProbeConsumers.verificationsHandled).containsAll(sent);
        await().atMost(WAIT).until(() -> lagSeriesOf(group, caughtUpAt).getLast() == 0L);
    }

    @Test
    void aServiceThatNeverRanShowsTheLagOfItsTopicKnownFromItsDeadLetterTopic() throws Exception {
        String app = applicationId();
        KafkaTestClient.send(brokers, Topics.APPLICATION_APPROVED, app, approved(app, certificateNo(),
                "2026-11-27T06:00:00Z"));
        await().atMost(WAIT).until(() -> {
            JsonNode group = groupOf(ProbeConsumers.APPROVALS_GROUP);
            JsonNode topic = topicOf(Topics.APPLICATION_APPROVED);
            return group != null && topic != null && group.get("totalLag").asLong() > 0
                    && group.get("totalLag").asLong() == topic.get("retained").asLong();
        });
        JsonNode group = groupOf(ProbeConsumers.APPROVALS_GROUP);
        assertThat(group.get("state").asString()).isEqualTo("UNKNOWN");
        assertThat(group.get("members").asInt()).isZero();
        assertThat(group.get("partitions").findValuesAsString("topic")).containsOnly(Topics.APPLICATION_APPROVED);
        // no committed offset: the lag counts from the earliest retained record, where the service will start
        group.get("partitions").forEach(p -> assertThat(p.hasNonNull("committed")).isFalse());
    }

    @Test
    void theTraceOfARegistrationShowsEveryStepInOrderWithTheConsumingServicesOutcomes() throws Exception {
        String app = applicationId();
        String certificateNo = certificateNo();
        // published out of order on purpose: the timeline orders by when each event occurred
        KafkaTestClient.send(brokers, Topics.ACCOUNT_ACTIVATED, app, activated(app, certificateNo, "2026-11-27T04:03:00Z"));
        KafkaTestClient.send(brokers, Topics.APPLICATION_APPROVED, app, approved(app, certificateNo, "2026-11-27T04:02:00Z"));
        KafkaTestClient.send(brokers, Topics.REGISTRATION_SUBMITTED, app,
                submitted(app, "s-" + app, certificateNo, "2026-11-27T04:00:00Z"));
        KafkaTestClient.send(brokers, Topics.DOCUMENTS_VERIFIED, app, verified(app, "v-" + app, "2026-11-27T04:01:00Z"));

        List<String> inOrder = List.of("RegistrationSubmitted", "DocumentsVerified", "ApplicationApproved",
                "AccountActivated");
        await().atMost(WAIT).until(() -> trace(certificateNo), t -> t != null && t.get("steps").size() == 4);
        await().atMost(WAIT).until(() -> {
            JsonNode t = trace(certificateNo);
            return "PROCESSED".equals(outcome(stepOf(t, "RegistrationSubmitted"), ProbeConsumers.REGISTRATIONS_GROUP))
                    && "PROCESSED".equals(outcome(stepOf(t, "DocumentsVerified"), ProbeConsumers.VERIFICATIONS_GROUP));
        });
        for (String q : List.of(certificateNo, app)) {
            JsonNode t = trace(q);
            assertThat(t.get("steps").findValuesAsString("eventType")).containsExactlyElementsOf(inOrder);
            assertThat(t.get("steps").findValuesAsString("eventLabel"))
                    .containsExactly("註冊申請送出", "文件檢核完成", "申請核准", "帳號開通");
            assertThat(t.get("steps").findValuesAsString("occurredAt")).isSorted();
            assertThat(t.get("applicationIds").get(0).asString()).isEqualTo(app);
            // a topic no stand-in consumes has no outcome of theirs
            assertThat(outcome(stepOf(t, "AccountActivated"), ProbeConsumers.REGISTRATIONS_GROUP)).isNull();
            assertThat(t.toString()).doesNotContain("clerk.chen@").doesNotContain("secret-token-");
        }
        mvc.perform(get("/api/ops/trace").param("q", "no-such-application").with(ops("ops1")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("TRACE_NOT_FOUND"));
    }

    @Test
    void onlyOpsReachesTheConsoleNotUnionsOrOfficers() throws Exception {
        List<String> paths = List.of("/ops/", "/ops/console.js", "/api/ops/topics", "/api/ops/consumer-groups",
                "/api/ops/lag-history", "/api/ops/dead-letters", "/api/ops/replays", "/api/ops/me");
        for (String path : paths) {
            mvc.perform(get(path).with(ops("ops1"))).andExpect(status().isOk());
            for (String role : List.of("union", "reviewer", "approver")) {
                mvc.perform(get(path).with(user(role))).andExpect(status().isForbidden());
            }
            mvc.perform(get(path)).andExpect(status().isUnauthorized());
        }
        mvc.perform(post("/api/ops/dead-letters/replay").with(user("approver"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/ops/dead-letters/any-id/replay")).andExpect(status().isUnauthorized());
        mvc.perform(get("/ops/").with(ops("ops1"))).andExpect(forwardedUrl("/ops/index.html"));
        assertThat(mvc.perform(get("/ops/index.html").with(ops("ops1"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("維運主控台");
    }

    @Test
    void topicsShowTheirPartitionsAndEndOffsets() throws Exception {
        String app = applicationId();
        KafkaTestClient.send(brokers, Topics.APPLICATION_APPROVED, app, approved(app, certificateNo(),
                "2026-11-27T05:00:00Z"));
        await().atMost(WAIT).until(() -> {
            JsonNode topic = topicOf(Topics.APPLICATION_APPROVED);
            return topic != null && topic.get("endOffsetTotal").asLong() > 0;
        });
        JsonNode topic = topicOf(Topics.APPLICATION_APPROVED);
        assertThat(topic.get("kind").asString()).isEqualTo("BUSINESS");
        assertThat(topic.get("partitions")).hasSize(3);
        assertThat(topic.get("partitions").findValues("endOffset").stream().mapToLong(JsonNode::asLong).sum())
                .isEqualTo(topic.get("endOffsetTotal").asLong());
        await().atMost(WAIT).until(() -> topicOf(REGISTRATIONS_DLQ) != null);
        assertThat(topicOf(REGISTRATIONS_DLQ).get("kind").asString()).isEqualTo("DEAD_LETTER");
        // a rate once two samples exist
        await().atMost(WAIT).until(() -> topicOf(Topics.APPLICATION_APPROVED).hasNonNull("ratePerMinute"));
    }

    @Test
    void healthShowsEveryServiceKafkaTheStoreKeycloakAndSmtp() throws Exception {
        JsonNode health = json(get("/api/ops/health"));
        Map<String, String> states = new java.util.HashMap<>();
        health.get("probes").forEach(p -> states.put(p.get("name").asString(), p.get("state").asString()));
        assertThat(states).containsEntry("stand-in-service", "UP").containsEntry("stopped-service", "DOWN")
                .containsEntry("Kafka", "UP").containsEntry("MongoDB", "UP").containsEntry("Keycloak", "UP")
                .containsEntry("SMTP", "UP");
        assertThat(health.get("up").asBoolean()).isFalse();
    }

    // ---- helpers ---------------------------------------------------------------------------

    static JwtRequestPostProcessor ops(String username) {
        return jwt().jwt(j -> j.claim("preferred_username", username))
                .authorities(new SimpleGrantedAuthority("ROLE_ops"));
    }

    static JwtRequestPostProcessor user(String role) {
        return jwt().jwt(j -> j.claim("preferred_username", role + "1"))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    JsonNode json(MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(request.with(ops("ops1"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    JsonNode deadLetterOf(String eventId) throws Exception {
        for (JsonNode l : json(get("/api/ops/dead-letters"))) {
            if (eventId.equals(l.get("eventId").asString())) {
                return l;
            }
        }
        return null;
    }

    long waitingLettersOf(String dlqTopic) throws Exception {
        return json(get("/api/ops/dead-letters").param("topic", dlqTopic).param("status", "WAITING")).size();
    }

    JsonNode trace(String q) throws Exception {
        var response = mvc.perform(get("/api/ops/trace").param("q", q).with(ops("ops1"))).andReturn().getResponse();
        return response.getStatus() == 200
                ? json.readTree(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)) : null;
    }

    static JsonNode stepOf(JsonNode trace, String eventType) {
        for (JsonNode s : trace.get("steps")) {
            if (eventType.equals(s.get("eventType").asString())) {
                return s;
            }
        }
        return null;
    }

    static String outcome(JsonNode step, String group) {
        if (step == null) {
            return null;
        }
        for (JsonNode o : step.get("outcomes")) {
            if (group.equals(o.get("group").asString())) {
                return o.get("outcome").asString();
            }
        }
        return null;
    }

    String outcomeOf(String app, String eventType, String group) throws Exception {
        JsonNode t = trace(app);
        return t == null ? null : outcome(stepOf(t, eventType), group);
    }

    JsonNode groupOf(String group) throws Exception {
        for (JsonNode g : json(get("/api/ops/consumer-groups"))) {
            if (group.equals(g.get("groupId").asString())) {
                return g;
            }
        }
        return null;
    }

    long totalLag(String group) throws Exception {
        JsonNode g = groupOf(group);
        return g == null ? -1 : g.get("totalLag").asLong();
    }

    JsonNode topicOf(String name) throws Exception {
        for (JsonNode t : json(get("/api/ops/topics"))) {
            if (name.equals(t.get("name").asString())) {
                return t;
            }
        }
        return null;
    }

    /** The group's lag samples taken since {@code from}. */
    List<Long> lagSeriesOf(String group, Instant from) throws Exception {
        JsonNode series = json(get("/api/ops/lag-history").param("minutes", "10"));
        List<Long> values = new ArrayList<>();
        JsonNode at = series.get("at");
        JsonNode lag = series.get("lagByGroup").get(group);
        for (int i = 0; lag != null && i < at.size(); i++) {
            if (!Instant.parse(at.get(i).asString()).isBefore(from) && lag.get(i).isNumber()) {
                values.add(lag.get(i).asLong());
            }
        }
        return values;
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

    static String submitted(String app, String eventId, String certificateNo, String occurredAt) {
        return """
                {"eventId":"%s","occurredAt":"%s","applicationId":"%s","correlationId":"corr-ops-0001",
                 "schemaVersion":2,"certificateNo":"%s","unionName":"新北市測試職業工會","contactEmail":"clerk.chen@example.tw",
                 "documents":[{"kind":"CHARTER","uploadId":"u-1"}],
                 "details":{"unionType":"職業工會","representative":"王小明","contactName":"陳大文",
                  "contactPhone":"0912-345-678","backupEmail":"backup.box@example.tw"},
                 "emailConfirmationToken":"secret-token-%s"}
                """.formatted(eventId, occurredAt, app, certificateNo, app);
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

    static String activated(String app, String certificateNo, String occurredAt) {
        return """
                {"eventId":"u-%s","occurredAt":"%s","applicationId":"%s","correlationId":"corr-ops-0001",
                 "schemaVersion":1,"unionId":"U-%s","certificateNo":"%s","username":"%s","unionName":"新北市測試職業工會",
                 "contactEmail":"clerk.chen@example.tw"}
                """.formatted(app, occurredAt, app, app, certificateNo, certificateNo);
    }
}
