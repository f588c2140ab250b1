package tw.laborcloud.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

import tw.laborcloud.events.Topics;
import tw.laborcloud.platform.test.KafkaTestClient;
import tw.laborcloud.review.cases.CaseStatus;
import tw.laborcloud.review.filings.FilingCases;

/**
 * The two-step decision: a reviewer proposes and another officer signs off or sends back, on
 * registrations and on union-affairs filings; what is refused, supplements, and officers acting at once.
 */
abstract class DecisionScenarios extends ReviewScenarioSupport {

    @Autowired
    FilingCases filingCases;

    /** A sign-off or send-back body with the revision the officer's page shows now. */
    String seen(String applicationId, String json) {
        return withRevision(json, cases.find(applicationId).orElseThrow().revisionOrZero());
    }

    String seenFiling(String filingId, String json) {
        return withRevision(json, filingCases.find(filingId).orElseThrow().revisionOrZero());
    }

    static String withRevision(String json, long revision) {
        return json.equals("{}") ? "{\"revision\":" + revision + "}"
                : json.substring(0, json.length() - 1) + ",\"revision\":" + revision + "}";
    }

    // ---- the two-step decision ---------------------------------------------------------

    @Test
    void aReviewerProposesAndAnotherOfficerSignsOffAndOnlyThenTheDecisionIsSent() throws Exception {
        String id = events.readyCase(true);
        propose(id, "{\"outcome\":\"APPROVE\",\"note\":\"資料相符\"}", REVIEWER);
        assertThat(cases.find(id).orElseThrow().status()).isEqualTo(CaseStatus.AWAITING_SIGN_OFF);
        assertThat(KafkaTestClient.readAll(brokers, Topics.APPLICATION_APPROVED, id, Duration.ofSeconds(2))).isEmpty();

        // an officer with both roles who proposed cannot sign off his own proposal
        String both = events.readyCase(true);
        JwtRequestPostProcessor clerkAndBoss = officer("chief1", "reviewer", "approver");
        propose(both, "{\"outcome\":\"APPROVE\"}", clerkAndBoss);
        mvc.perform(json(post("/api/review/cases/" + both + "/sign-off"), "{}").with(clerkAndBoss))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("SAME_OFFICER"));

        mvc.perform(json(post("/api/review/cases/" + id + "/sign-off"), seen(id, "{\"comment\":\"如擬\"}")).with(APPROVER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.decision.proposedBy").value("reviewer1"))
                .andExpect(jsonPath("$.decision.decidedBy").value("approver1"));
        assertThat(KafkaTestClient.awaitOne(brokers, Topics.APPLICATION_APPROVED, id, Duration.ofSeconds(30)).value())
                .contains("\"decidedBy\":\"approver1\"").contains(CaseEvents.CERTIFICATE_NO);
        assertThat(cases.find(id).orElseThrow().history())
                .filteredOn(h -> !h.actor().equals("system"))
                .extracting(h -> h.actor() + " " + h.action() + " " + h.remoteAddress())
                .containsExactly("reviewer1 PROPOSED 10.0.0.7", "approver1 SIGNED_OFF 10.0.0.7");
        assertThat(audit.forSubject(id)).extracting(e -> e.actor() + " " + e.action() + " " + e.outcome())
                .contains("reviewer1 PROPOSE DONE", "approver1 SIGN_OFF DONE");
        assertThat(audit.forSubject(both)).extracting(e -> e.actor() + " " + e.action() + " " + e.outcome())
                .contains("chief1 SIGN_OFF SAME_OFFICER");
    }

    @Test
    void approvalIsRefusedWhileTheAddressIsUnconfirmedOrTheDocumentsUnverified() throws Exception {
        String unconfirmed = events.readyCase(false);
        mvc.perform(json(post("/api/review/cases/" + unconfirmed + "/proposal"), "{\"outcome\":\"APPROVE\"}")
                        .with(REVIEWER))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CONTACT_EMAIL_UNCONFIRMED"));

        String unverified = CaseEvents.newApplicationId();
        events.submitted(unverified, "55500031", "新北市未檢核工會", "OCCUPATIONAL");
        events.emailConfirmed(unverified);
        events.awaitStatus(unverified, CaseStatus.AWAITING_DOCUMENTS);
        mvc.perform(json(post("/api/review/cases/" + unverified + "/proposal"), "{\"outcome\":\"APPROVE\"}")
                        .with(REVIEWER))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("WRONG_STATUS"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("文件檢核中")));
        mvc.perform(json(post("/api/review/cases/" + unconfirmed + "/proposal"), "{\"outcome\":\"REJECT\",\"reason\":\" \"}")
                        .with(REVIEWER))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(json(post("/api/review/cases/NOPE/proposal"), "{\"outcome\":\"REJECT\",\"reason\":\"x\"}")
                        .with(REVIEWER))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("CASE_NOT_FOUND"));
        assertThat(cases.find(unconfirmed).orElseThrow().proposal()).isNull();
        assertThat(cases.find(unverified).orElseThrow().proposal()).isNull();
    }

    @Test
    void aSupervisorSendsAProposalBackWithACommentAndTheCaseIsOpenAgain() throws Exception {
        String id = events.readyCase(false);
        propose(id, "{\"outcome\":\"REJECT\",\"reason\":\"會員人數不符規定\"}", REVIEWER);
        mvc.perform(json(post("/api/review/cases/" + id + "/send-back"), "{}").with(APPROVER))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("comment"));
        mvc.perform(json(post("/api/review/cases/" + id + "/send-back"), seen(id, "{\"comment\":\"請先請申請人補正名冊\"}"))
                        .with(APPROVER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("READY_FOR_REVIEW"))
                .andExpect(jsonPath("$.proposal").doesNotExist())
                .andExpect(jsonPath("$.permissions.propose").value(false));
        mvc.perform(get("/api/review/cases/" + id).with(REVIEWER))
                .andExpect(jsonPath("$.permissions.propose").value(true))
                .andExpect(jsonPath("$.history[?(@.action=='SENT_BACK')].detail")
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("請先請申請人補正名冊"))));
        assertThat(KafkaTestClient.readAll(brokers, Topics.APPLICATION_REJECTED, id, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void ofOfficersActingOnOneCaseAtOnceExactlyOneWinsAndTheOthersAreToldWhy() throws Exception {
        String id = events.readyCase(true);
        String shownToReviewers = seen(id, "{\"outcome\":\"APPROVE\"}");
        List<Integer> proposals = concurrently(4, i -> mvc.perform(json(post("/api/review/cases/" + id + "/proposal"),
                shownToReviewers).with(officer("reviewer" + i, "reviewer"))).andReturn()
                .getResponse().getStatus());
        assertThat(proposals).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);

        String shown = seen(id, "{}");
        List<String> signOffs = concurrently(4, i -> mvc.perform(json(post("/api/review/cases/" + id + "/sign-off"),
                shown).with(officer("approver" + i, "approver"))).andReturn().getResponse().getContentAsString(
                StandardCharsets.UTF_8));
        assertThat(signOffs).filteredOn(s -> s.contains("\"status\":\"APPROVED\"")).hasSize(1);
        assertThat(signOffs).filteredOn(s -> !s.contains("\"status\":\"APPROVED\""))
                .hasSize(3).allSatisfy(s -> assertThat(s).containsAnyOf("ALREADY_DECIDED", "CASE_CHANGED")
                        .contains("approver"));
        assertThat(KafkaTestClient.readAll(brokers, Topics.APPLICATION_APPROVED, id, Duration.ofSeconds(4))).hasSize(1);

        // a page showing an old revision cannot act on what it did not see
        String other = events.readyCase(true);
        long before = cases.find(other).orElseThrow().revisionOrZero();
        propose(other, seen(other, "{\"outcome\":\"APPROVE\"}"), REVIEWER);
        mvc.perform(json(post("/api/review/cases/" + other + "/send-back"), withRevision("{\"comment\":\"x\"}", before))
                        .with(APPROVER))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CASE_CHANGED"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("reviewer1")));
    }

    interface Attempt<T> {
        T run(int officer) throws Exception;
    }

    static <T> List<T> concurrently(int n, Attempt<T> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<T>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int officer = i;
                calls.add(() -> attempt.run(officer));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    // ---- supplements ---------------------------------------------------------------------

    @Test
    void aSignedOffSupplementRequestWaitsForTheReplacementsAndBringsTheCaseBackWithItsHistory() throws Exception {
        String id = events.readyCase(true);
        mvc.perform(json(post("/api/review/cases/" + id + "/proposal"),
                        "{\"outcome\":\"SUPPLEMENT\",\"documents\":[{\"kind\":\"UNION_SEAL\",\"reason\":\" \"}]}")
                        .with(REVIEWER))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("documents[0].reason"));
        mvc.perform(json(post("/api/review/cases/" + id + "/proposal"),
                        "{\"outcome\":\"SUPPLEMENT\",\"documents\":[{\"kind\":\"REPRESENTATIVE_SEAL\",\"reason\":\"x\"}]}")
                        .with(REVIEWER))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("NOT_ON_CASE"));
        propose(id, "{\"outcome\":\"SUPPLEMENT\",\"documents\":[{\"kind\":\"UNION_SEAL\",\"reason\":\"圖記模糊無法辨識\"}],"
                + "\"note\":\"請以清晰掃描檔補正\"}", REVIEWER);
        mvc.perform(json(post("/api/review/cases/" + id + "/sign-off"), "{}").with(APPROVER))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("revision"));
        mvc.perform(json(post("/api/review/cases/" + id + "/sign-off"), seen(id, "{}")).with(APPROVER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("AWAITING_SUPPLEMENTS"))
                .andExpect(jsonPath("$.supplementRequest.round").value(2));
        assertThat(KafkaTestClient.awaitOne(brokers, Topics.SUPPLEMENT_REQUESTED, id, Duration.ofSeconds(30)).value())
                .contains("UNION_SEAL").contains("圖記模糊無法辨識").contains("請以清晰掃描檔補正");

        // the verification of the replacements overtakes the replacements themselves (two topics):
        // the case waits for the documents before anyone can review them
        events.verified(id, 2, "seal2-" + id);
        events.awaitStatus(id, CaseStatus.AWAITING_DOCUMENTS);
        mvc.perform(json(post("/api/review/cases/" + id + "/proposal"), "{\"outcome\":\"APPROVE\"}").with(REVIEWER))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("WRONG_STATUS"));
        events.documentsReplaced(id, 2, "UNION_SEAL", "seal2-" + id);
        events.awaitStatus(id, CaseStatus.READY_FOR_REVIEW);
        mvc.perform(get("/api/review/cases/" + id).with(REVIEWER))
                .andExpect(jsonPath("$.documentsRound").value(2))
                .andExpect(jsonPath("$.documents[?(@.kind=='UNION_SEAL')].uploadId").value("seal2-" + id))
                .andExpect(jsonPath("$.replacements[0].documents[0].uploadId").value("seal2-" + id))
                .andExpect(jsonPath("$.history[*].action").value(org.hamcrest.Matchers.hasItems(
                        "PROPOSED", "SIGNED_OFF", "SUPPLEMENTS_RECEIVED", "DOCUMENTS_VERIFIED")));
        propose(id, "{\"outcome\":\"APPROVE\"}", REVIEWER);
    }

    // ---- union-affairs filings -------------------------------------------------------------

    void filingSubmitted(String filingId, int round) {
        KafkaTestClient.send(brokers, Topics.FILING_SUBMITTED, filingId, """
                {"eventId":"fs%2$d-%1$s","occurredAt":"2027-01-05T02:00:00Z","applicationId":"%1$s","correlationId":"c-%1$s",
                 "schemaVersion":1,"unionId":"55500081","certificateNo":"55500081","unionName":"新北市會址變更工會",
                 "filingType":"ADDRESS_CHANGE","filingTypeLabel":"會址變更","round":%2$d,
                 "form":[{"name":"newAddress","label":"新會址","value":"220 新北市板橋區中山路一段%2$d號"}],
                 "attachments":[{"kind":"BOARD_RESOLUTION","uploadId":"br-%1$s-%2$d"}],"dueBy":null,"overdue":false}
                """.formatted(filingId, round));
        await().atMost(Duration.ofSeconds(30)).until(() -> mvc.perform(get("/api/review/filings/" + filingId)
                .with(REVIEWER)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)
                .contains("\"round\":" + round + ",\"status\":\"READY_FOR_REVIEW\""));
    }

    @Test
    void aFilingIsReturnedWithAReasonResubmittedAndAcceptedInTwoStepsEachSentOnce() throws Exception {
        String filingId = "F-" + CaseEvents.newApplicationId();
        filingSubmitted(filingId, 1);
        mvc.perform(get("/api/review/filings").param("q", filingId).with(APPROVER))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].filingTypeLabel").value("會址變更"));
        mvc.perform(json(post("/api/review/filings/" + filingId + "/proposal"), "{\"outcome\":\"RETURN\"}")
                        .with(REVIEWER))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(json(post("/api/review/filings/" + filingId + "/proposal"),
                        "{\"outcome\":\"RETURN\",\"reason\":\"理事會決議未載明新會址\"}").with(REVIEWER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("AWAITING_SIGN_OFF"));
        mvc.perform(json(post("/api/review/filings/" + filingId + "/sign-off"), "{}").with(REVIEWER))
                .andExpect(status().isForbidden());
        mvc.perform(json(post("/api/review/filings/" + filingId + "/sign-off"), seenFiling(filingId, "{}"))
                        .with(APPROVER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETURNED"));
        assertThat(KafkaTestClient.awaitOne(brokers, Topics.FILING_DECIDED, filingId, Duration.ofSeconds(30)).value())
                .contains("\"outcome\":\"RETURNED\"", "理事會決議未載明新會址", "\"round\":1", "\"unionId\":\"55500081\"");

        filingSubmitted(filingId, 2);
        JwtRequestPostProcessor clerkAndBoss = officer("chief2", "reviewer", "approver");
        mvc.perform(json(post("/api/review/filings/" + filingId + "/proposal"), "{\"outcome\":\"ACCEPT\"}")
                        .with(clerkAndBoss))
                .andExpect(status().isOk());
        mvc.perform(json(post("/api/review/filings/" + filingId + "/sign-off"), "{}").with(clerkAndBoss))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("SAME_OFFICER"));
        String shownFiling = seenFiling(filingId, "{}");
        List<Integer> signOffs = concurrently(3, i -> mvc.perform(json(post("/api/review/filings/" + filingId
                + "/sign-off"), shownFiling).with(officer("approver" + i, "approver"))).andReturn().getResponse().getStatus());
        assertThat(signOffs).containsOnly(200, 409).filteredOn(st -> st == 200).hasSize(1);
        mvc.perform(get("/api/review/filings/" + filingId).with(REVIEWER))
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.form[0].value").value("220 新北市板橋區中山路一段2號"))
                .andExpect(jsonPath("$.attachments[0].label").value(org.hamcrest.Matchers.notNullValue()))
                .andExpect(jsonPath("$.history[*].action").value(org.hamcrest.Matchers.hasItems("FILING_SUBMITTED",
                        "PROPOSED", "SIGNED_OFF")));
        assertThat(KafkaTestClient.readAll(brokers, Topics.FILING_DECIDED, filingId, Duration.ofSeconds(4)))
                .extracting(r -> r.value().contains("\"outcome\":\"ACCEPTED\""))
                .containsExactly(false, true);
        assertThat(audit.forSubject(filingId)).extracting(e -> e.action() + " " + e.outcome())
                .contains("PROPOSE DONE", "SIGN_OFF DONE", "SIGN_OFF SAME_OFFICER", "VIEW_FILING DONE");
    }
}
