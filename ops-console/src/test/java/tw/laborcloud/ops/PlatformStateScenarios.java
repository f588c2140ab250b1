package tw.laborcloud.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tw.laborcloud.events.Topics;
import tw.laborcloud.platform.test.KafkaTestClient;

/**
 * The platform as the console shows it: consumer lag (per group, per partition, over time, as a
 * gauge, and for a service that never ran), the topics, every service's health, and that only ops
 * reaches the console.
 */
abstract class PlatformStateScenarios extends OpsConsoleScenarioSupport {

    @Autowired
    BindingsLifecycleController bindings;

    // ---- the scenarios of issue 8 ----------------------------------------------------------

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

    static JwtRequestPostProcessor user(String role) {
        return jwt().jwt(j -> j.claim("preferred_username", role + "1"))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    JsonNode groupOf(String group) throws Exception {
        return firstWith(json(get("/api/ops/consumer-groups")), "groupId", group);
    }

    long totalLag(String group) throws Exception {
        JsonNode g = groupOf(group);
        return g == null ? -1 : g.get("totalLag").asLong();
    }

    JsonNode topicOf(String name) throws Exception {
        return firstWith(json(get("/api/ops/topics")), "name", name);
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
}
