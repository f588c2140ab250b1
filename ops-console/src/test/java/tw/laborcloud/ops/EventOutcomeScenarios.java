package tw.laborcloud.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tw.laborcloud.events.Topics;
import tw.laborcloud.platform.test.KafkaTestClient;

/**
 * What became of an event: a poisoned one is dead-lettered, shown masked with its error, replayed
 * (one at a time or a topic's all at once) and then processed once, each replay audited; and the
 * trace of a registration across the services with each consuming group's outcome.
 */
abstract class EventOutcomeScenarios extends OpsConsoleScenarioSupport {

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

    // ---- helpers ---------------------------------------------------------------------------

    JsonNode deadLetterOf(String eventId) throws Exception {
        return firstWith(json(get("/api/ops/dead-letters")), "eventId", eventId);
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
        return firstWith(trace.get("steps"), "eventType", eventType);
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

    static String activated(String app, String certificateNo, String occurredAt) {
        return """
                {"eventId":"u-%s","occurredAt":"%s","applicationId":"%s","correlationId":"corr-ops-0001",
                 "schemaVersion":1,"unionId":"U-%s","certificateNo":"%s","username":"%s","unionName":"新北市測試職業工會",
                 "contactEmail":"clerk.chen@example.tw"}
                """.formatted(app, occurredAt, app, app, certificateNo, certificateNo);
    }
}
