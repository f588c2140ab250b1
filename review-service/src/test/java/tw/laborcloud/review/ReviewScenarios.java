package tw.laborcloud.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import tw.laborcloud.events.Topics;
import tw.laborcloud.platform.test.KafkaTestClient;
import tw.laborcloud.review.cases.CaseStatus;
import tw.laborcloud.review.cases.Cases;

@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
abstract class ReviewScenarios {

    @Value("${laborcloud.kafka.brokers}")
    String brokers;
    @Autowired
    MockMvc mvc;
    @Autowired
    Cases cases;

    static JwtRequestPostProcessor officer(String username, String role) {
        return jwt().jwt(j -> j.claim("preferred_username", username))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    static String submitted(String applicationId, String eventId) {
        return """
                {"eventId":"%s","occurredAt":"2026-11-20T02:00:00Z","applicationId":"%s","correlationId":"corr-review-1",
                 "schemaVersion":1,"certificateNo":"55500011","unionName":"新北市測試職業工會","contactEmail":"a@b.tw",
                 "documents":[{"kind":"CHARTER","uploadId":"u-1"}]}
                """.formatted(eventId, applicationId);
    }

    static String verified(String applicationId, String eventId) {
        return """
                {"eventId":"%s","occurredAt":"2026-11-20T02:01:00Z","applicationId":"%s","correlationId":"corr-review-1",
                 "schemaVersion":1,"verdict":"PASSED","documents":[{"kind":"CHARTER","uploadId":"u-1",
                 "contentType":"application/pdf","size":1234,"pages":2,"sha256":"ab","findings":[]}]}
                """.formatted(eventId, applicationId);
    }

    String readyCase() {
        String applicationId = "R20261120-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        // the verification overtakes the registration: the case must still come together
        KafkaTestClient.send(brokers, Topics.DOCUMENTS_VERIFIED, applicationId,
                verified(applicationId, "v-" + applicationId));
        KafkaTestClient.send(brokers, Topics.REGISTRATION_SUBMITTED, applicationId,
                submitted(applicationId, "s-" + applicationId));
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(applicationId)
                .map(c -> c.status() == CaseStatus.READY_FOR_REVIEW).orElse(false));
        return applicationId;
    }

    @Test
    void eventsInAnyOrderAndTwiceMakeOneCaseWithOneHistoryEntryEach() {
        String applicationId = readyCase();
        KafkaTestClient.send(brokers, Topics.REGISTRATION_SUBMITTED, applicationId,
                submitted(applicationId, "s-" + applicationId));
        String marker = "R20261120-MARKER" + UUID.randomUUID().toString().substring(0, 4);
        KafkaTestClient.send(brokers, Topics.REGISTRATION_SUBMITTED, marker, submitted(marker, "m-" + marker));
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(marker).isPresent());
        assertThat(cases.find(applicationId).orElseThrow().history())
                .extracting(h -> h.action()).containsExactlyInAnyOrder("REGISTRATION_RECEIVED", "DOCUMENTS_VERIFIED");
    }

    @Test
    void officersSeeWhetherTheContactAddressWasConfirmed() throws Exception {
        String applicationId = readyCase();
        mvc.perform(get("/api/review/cases").with(officer("reviewer1", "reviewer")))
                .andExpect(jsonPath("$[?(@.applicationId=='" + applicationId + "')].contactEmailConfirmed").value(false));
        KafkaTestClient.send(brokers, Topics.CONTACT_EMAIL_CONFIRMED, applicationId, """
                {"eventId":"c-%s","occurredAt":"2026-11-20T03:00:00Z","applicationId":"%s","correlationId":"corr-c",
                 "schemaVersion":1,"contactEmail":"a@b.tw"}
                """.formatted(applicationId, applicationId));
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(applicationId).orElseThrow()
                .contactEmailConfirmedAt() != null);
        mvc.perform(get("/api/review/cases").with(officer("reviewer1", "reviewer")))
                .andExpect(jsonPath("$[?(@.applicationId=='" + applicationId + "')].contactEmailConfirmed").value(true));
    }

    @Test
    void onlyOfficersSeeCasesAndOnlyTheApproverDecides() throws Exception {
        String applicationId = readyCase();
        mvc.perform(get("/api/review/cases")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/review/cases").with(officer("12345678", "union"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/review/cases").with(officer("ops1", "ops"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/review/cases/" + applicationId).with(officer("reviewer1", "reviewer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.unionName").value("新北市測試職業工會"));
        mvc.perform(post("/api/review/cases/" + applicationId + "/approve").with(officer("reviewer1", "reviewer")))
                .andExpect(status().isForbidden());

        mvc.perform(post("/api/review/cases/" + applicationId + "/approve").with(officer("approver1", "approver")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        assertThat(KafkaTestClient.awaitOne(brokers, Topics.APPLICATION_APPROVED, applicationId,
                Duration.ofSeconds(30)).value()).contains("\"decidedBy\":\"approver1\"").contains("55500011");

        mvc.perform(post("/api/review/cases/" + applicationId + "/reject").with(officer("approver2", "approver"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"too late\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ALREADY_DECIDED"));
        assertThat(cases.find(applicationId).orElseThrow().history())
                .anySatisfy(h -> {
                    assertThat(h.actor()).isEqualTo("approver1");
                    assertThat(h.action()).isEqualTo("APPROVED");
                    assertThat(h.remoteAddress()).isNotBlank();
                });
    }

    @Test
    void approvalWaitsForVerifiedDocumentsAndARejectionNeedsAReason() throws Exception {
        String applicationId = "R20261121-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        KafkaTestClient.send(brokers, Topics.REGISTRATION_SUBMITTED, applicationId,
                submitted(applicationId, "s-" + applicationId));
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(applicationId).isPresent());
        mvc.perform(post("/api/review/cases/" + applicationId + "/approve").with(officer("approver1", "approver")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DOCUMENTS_NOT_VERIFIED"));
        mvc.perform(post("/api/review/cases/" + applicationId + "/reject").with(officer("approver1", "approver"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"  \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/review/cases/NOPE/approve").with(officer("approver1", "approver")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("CASE_NOT_FOUND"));
        assertThat(cases.find(applicationId).orElseThrow().decision()).isNull();
    }

    @Test
    void ofTwoOfficersDecidingAtOnceExactlyOneWins() throws Exception {
        String applicationId = readyCase();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String who = "approver" + i;
            attempts.add(() -> mvc.perform(post("/api/review/cases/" + applicationId + "/approve")
                    .with(officer(who, "approver"))).andReturn().getResponse().getStatus());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(attempts)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
        assertThat(KafkaTestClient.readAll(brokers, Topics.APPLICATION_APPROVED, applicationId,
                Duration.ofSeconds(4))).hasSize(1);
    }
}
