package tw.laborcloud.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tw.laborcloud.events.Topics;
import tw.laborcloud.platform.test.KafkaTestClient;
import tw.laborcloud.platform.test.SealImages;
import tw.laborcloud.review.audit.AuditTrail;
import tw.laborcloud.review.cases.CaseStatus;
import tw.laborcloud.review.cases.Cases;
import tw.laborcloud.review.filings.FilingCases;
import tw.laborcloud.seal.SealSimilarity;

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
    @Autowired
    AuditTrail audit;
    @Autowired
    FilingCases filingCases;
    CaseEvents events;

    @BeforeEach
    void events() {
        events = new CaseEvents(brokers, cases);
    }

    static JwtRequestPostProcessor officer(String username, String... roles) {
        return jwt().jwt(j -> j.claim("preferred_username", username))
                .authorities(Arrays.stream(roles).map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList());
    }

    static final JwtRequestPostProcessor REVIEWER = officer("reviewer1", "reviewer");
    static final JwtRequestPostProcessor REVIEWER_2 = officer("reviewer2", "reviewer");
    static final JwtRequestPostProcessor APPROVER = officer("approver1", "approver");

    MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body).with(from("10.0.0.7"));
    }

    /** The address the service sees a request come from (what the remote-IP valve makes of the gateway's header). */
    static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

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

    void propose(String applicationId, String body, JwtRequestPostProcessor who) throws Exception {
        mvc.perform(json(post("/api/review/cases/" + applicationId + "/proposal"), body).with(who))
                .andExpect(status().isOk());
    }

    // ---- cases from events ------------------------------------------------------------

    @Test
    void eventsInAnyOrderAndTwiceMakeOneCaseWithOneHistoryEntryEach() {
        String applicationId = events.readyCase(false);
        events.submitted(applicationId, CaseEvents.CERTIFICATE_NO, CaseEvents.UNION_NAME, "OCCUPATIONAL");
        String marker = CaseEvents.newApplicationId();
        events.submitted(marker, "55500099", "marker", "OCCUPATIONAL");
        events.awaitStatus(marker, CaseStatus.AWAITING_DOCUMENTS);
        assertThat(cases.find(applicationId).orElseThrow().history())
                .extracting(h -> h.action()).containsExactlyInAnyOrder("REGISTRATION_RECEIVED", "DOCUMENTS_VERIFIED");
    }

    @Test
    void theFirstEventsOfManyNewCasesArrivingTogetherOnThreeTopicsMakeEveryCaseComplete() {
        List<String> applicationIds = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            applicationIds.add(CaseEvents.newApplicationId());
        }
        events.firstEventsTogether(applicationIds);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(applicationIds)
                .allSatisfy(id -> assertThat(cases.find(id)).hasValueSatisfying(c -> {
                    assertThat(c.certificateNo()).isNotNull();
                    assertThat(c.verification()).isNotNull();
                    assertThat(c.contactEmailConfirmedAt()).isNotNull();
                    assertThat(c.status()).isEqualTo(CaseStatus.READY_FOR_REVIEW);
                    assertThat(c.history()).hasSize(3);
                })));
    }

    @Test
    void theQueueFiltersSearchesSortsAndPages() throws Exception {
        String first = events.readyCase("55500021", "新北市排序甲工會", "OCCUPATIONAL", false);
        String second = events.readyCase("55500022", "新北市排序乙工會", "OCCUPATIONAL", true);
        mvc.perform(get("/api/review/cases").param("q", "排序").param("sort", "certificateNo").param("dir", "desc")
                        .with(REVIEWER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].applicationId").value(second))
                .andExpect(jsonPath("$.items[0].contactEmailConfirmed").value(true))
                .andExpect(jsonPath("$.items[1].applicationId").value(first))
                .andExpect(jsonPath("$.items[1].contactEmailConfirmed").value(false))
                .andExpect(jsonPath("$.items[1].statusLabel").value("待審查"));
        mvc.perform(get("/api/review/cases").param("q", "排序").param("size", "1").param("page", "1").with(REVIEWER))
                .andExpect(jsonPath("$.total").value(2)).andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].applicationId").value(second));
        mvc.perform(get("/api/review/cases").param("q", "55500022").param("status", "AWAITING_SIGN_OFF").with(REVIEWER))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/review/cases").param("status", "LOST").param("size", "500").with(REVIEWER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("status", "size")));
    }

    // ---- who may do what --------------------------------------------------------------

    record Endpoint(String method, String path, Set<String> roles) {
    }

    @Test
    void everyEndpointAndPageAnswersOnlyItsOwnerRoles() throws Exception {
        String id = events.readyCase(false);
        Set<String> officers = Set.of("reviewer", "approver");
        List<Endpoint> endpoints = List.of(
                new Endpoint("GET", "/review/", officers),
                new Endpoint("GET", "/review/case", officers),
                new Endpoint("GET", "/review/register", officers),
                new Endpoint("GET", "/review/review.css", officers),
                new Endpoint("GET", "/review/core.js", officers),
                // the web module's scripts: public code (the gateway serves the same files to anyone)
                new Endpoint("GET", "/web/api.js", Set.of("anonymous", "union", "reviewer", "approver", "ops")),
                new Endpoint("GET", "/api/review/me", officers),
                new Endpoint("GET", "/api/review/cases", officers),
                new Endpoint("GET", "/api/review/cases/" + id, officers),
                new Endpoint("GET", "/api/review/cases/" + id + "/seal-comparison", officers),
                new Endpoint("GET", "/api/review/cases/" + id + "/audit", officers),
                new Endpoint("POST", "/api/review/cases/" + id + "/proposal", Set.of("reviewer")),
                new Endpoint("POST", "/api/review/cases/" + id + "/sign-off", Set.of("approver")),
                new Endpoint("POST", "/api/review/cases/" + id + "/send-back", Set.of("approver")),
                new Endpoint("GET", "/api/review/register", officers),
                new Endpoint("GET", "/api/review/register/55500011", officers),
                new Endpoint("GET", "/api/review/register/55500011/seal", officers),
                new Endpoint("POST", "/api/review/register/import", Set.of("approver")),
                new Endpoint("PUT", "/api/review/register/55500011", Set.of("approver")),
                new Endpoint("PUT", "/api/review/register/55500011/seal", Set.of("approver")),
                new Endpoint("GET", "/api/review/audit.csv", Set.of("approver")),
                new Endpoint("GET", "/review/filings", officers),
                new Endpoint("GET", "/review/filing", officers),
                new Endpoint("GET", "/api/review/filings", officers),
                new Endpoint("GET", "/api/review/filings/F-NONE", officers),
                new Endpoint("GET", "/api/review/filings/F-NONE/audit", officers),
                new Endpoint("POST", "/api/review/filings/F-NONE/proposal", Set.of("reviewer")),
                new Endpoint("POST", "/api/review/filings/F-NONE/sign-off", Set.of("approver")),
                new Endpoint("POST", "/api/review/filings/F-NONE/send-back", Set.of("approver")),
                // the old one-step decision is gone: nobody reaches it
                new Endpoint("POST", "/api/review/cases/" + id + "/approve", Set.of()));
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (String role : List.of("anonymous", "union", "reviewer", "approver", "ops")) {
                AbstractMockHttpServletRequestBuilder<?> request = switch (endpoint.method()) {
                    case "GET" -> get(endpoint.path());
                    case "PUT" -> endpoint.path().endsWith("/seal")
                            ? multipart(endpoint.path()).with(r -> { r.setMethod("PUT"); return r; })
                            : json(put(endpoint.path()), "{}");
                    default -> endpoint.path().endsWith("/import") ? multipart(endpoint.path())
                            : json(post(endpoint.path()), "{}");
                };
                if (!role.equals("anonymous")) {
                    request = request.with(officer(role + "-user", role));
                }
                int status = mvc.perform(request).andReturn().getResponse().getStatus();
                boolean allowed = endpoint.roles().contains(role);
                boolean passed = status != 401 && status != 403;
                int expectedDenial = role.equals("anonymous") ? 401 : 403;
                if (allowed != passed || (!allowed && status != expectedDenial)) {
                    wrong.add(endpoint.method() + " " + endpoint.path() + " as " + role + " -> " + status);
                }
            }
        }
        assertThat(wrong).as("role matrix violations").isEmpty();
        // nothing was changed by the attempts that passed the role check with empty bodies
        assertThat(cases.find(id).orElseThrow().status()).isEqualTo(CaseStatus.READY_FOR_REVIEW);
    }

    @Test
    void aUnionOpeningTheOfficersPagesIsToldTheyAreForTheBureau() throws Exception {
        mvc.perform(get("/review/").with(officer("55500011", "union")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("此頁面僅供勞工局承辦人員使用")));
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

    // ---- the union register, its checks and the seals ------------------------------------

    @Test
    void anImportedRegisterChecksTheCaseAndComparesTheSeals() throws Exception {
        BufferedImage registered = SealImages.seal("新北市圖記比對工會", 7);
        String csv = "立案證書編號,工會名稱,工會類別,核發日期,圖記檔名\n"
                + "55500041,新北市圖記比對工會,職業工會,103/05/12,55500041.png\n"
                + "55500042,\"新北市類別不符工會\",INDUSTRIAL,2015-01-02,\n";
        mvc.perform(multipart("/api/review/register/import")
                        .file(new MockMultipartFile("csv", "register.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("seals", "55500041.png", "image/png", SealImages.png(registered)))
                        .with(APPROVER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.warnings[0]").value(org.hamcrest.Matchers.containsString("55500042")));

        // same seal, scanned; the name typed with full-width letters and spaces, the type as a code
        String sameSeal = events.readyCase("55500041", "新北市 圖記比對工會", "OCCUPATIONAL", false,
                SealSimilarity.imprint(SealImages.read(SealImages.jpeg(SealImages.scanned(registered, 2, 6, -4, 0.9, 3)))));
        mvc.perform(get("/api/review/cases/" + sameSeal).with(REVIEWER))
                .andExpect(jsonPath("$.registerChecks[?(@.code=='CERTIFICATE_REGISTERED')].result").value("PASS"))
                .andExpect(jsonPath("$.registerChecks[?(@.code=='NAME_MATCHES')].result").value("PASS"))
                .andExpect(jsonPath("$.registerChecks[?(@.code=='TYPE_MATCHES')].result").value("PASS"));
        int same = sealPercent(sameSeal);

        String otherSeal = events.readyCase("55500041", "新北市圖記比對工會", "OCCUPATIONAL", false,
                SealSimilarity.imprint(SealImages.seal("新北市範例職業工會", 1)));
        int other = sealPercent(otherSeal);
        assertThat(same).isGreaterThanOrEqualTo(80).isGreaterThan(other + 20);

        String wrongType = events.readyCase("55500042", "新北市類別不符工會", "OCCUPATIONAL", false);
        mvc.perform(get("/api/review/cases/" + wrongType).with(REVIEWER))
                .andExpect(jsonPath("$.registerChecks[?(@.code=='TYPE_MATCHES')].result").value("FAIL"))
                .andExpect(jsonPath("$.registerChecks[?(@.code=='TYPE_MATCHES')].registered").value("產業工會"));
        mvc.perform(get("/api/review/cases/" + wrongType + "/seal-comparison").with(REVIEWER))
                .andExpect(jsonPath("$.problem").value("NO_REGISTERED_SEAL"));

        String unknown = events.readyCase("55500049", "新北市未登記工會", "OCCUPATIONAL", false);
        mvc.perform(get("/api/review/cases/" + unknown).with(REVIEWER))
                .andExpect(jsonPath("$.registerChecks[?(@.code=='CERTIFICATE_REGISTERED')].result").value("FAIL"));
        assertThat(audit.forSubject("55500041")).extracting(e -> e.action() + " " + e.actor())
                .containsExactly("REGISTER_CREATE approver1");
    }

    private int sealPercent(String applicationId) throws Exception {
        String body = mvc.perform(get("/api/review/cases/" + applicationId + "/seal-comparison").with(REVIEWER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("\"problem\":\"");
        return Integer.parseInt(body.replaceAll(".*\"percent\":(\\d+).*", "$1"));
    }

    @Test
    void aBadRegisterImportNamesEveryBadRowAndWritesNothing() throws Exception {
        String csv = "certificateNo,unionName,unionType,issuedOn,sealFile\n"
                + "55500051,新北市好列工會,OCCUPATIONAL,2014-05-12,\n"
                + "5550005X,新北市壞號碼工會,OCCUPATIONAL,2014-05-12,\n"
                + "55500053,,工會,2099-01-01,\n"
                + "55500054,新北市缺圖記工會,OCCUPATIONAL,2014-05-12,missing.png\n";
        mvc.perform(multipart("/api/review/register/import")
                        .file(new MockMultipartFile("csv", "r.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("seals", "evil.png", "image/png", "MZ\u0090 not an image".getBytes()))
                        .with(APPROVER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems(
                        "rows[3].certificateNo", "rows[4].unionName", "rows[4].unionType", "rows[4].issuedOn")));
        mvc.perform(get("/api/review/register/55500051").with(REVIEWER)).andExpect(status().isNotFound());

        String good = "certificateNo,unionName,unionType,issuedOn,sealFile\n"
                + "55500054,新北市缺圖記工會,OCCUPATIONAL,2014-05-12,missing.png\n";
        mvc.perform(multipart("/api/review/register/import")
                        .file(new MockMultipartFile("csv", "r.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("seals", "evil.png", "image/png", "MZ\u0090 not an image".getBytes()))
                        .with(APPROVER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].code").value(org.hamcrest.Matchers.hasItems("UNUSABLE_IMAGE",
                        "SEAL_FILE_MISSING")));
        mvc.perform(get("/api/review/register/55500054").with(REVIEWER)).andExpect(status().isNotFound());
    }

    @Test
    void aCorrectionOfTheRegisterNeedsAReasonAndIsAuditedWithBeforeAndAfter() throws Exception {
        String csv = "certificateNo,unionName,unionType,issuedOn\n55500061,新北市更正前工會,OCCUPATIONAL,2014-05-12\n";
        mvc.perform(multipart("/api/review/register/import")
                        .file(new MockMultipartFile("csv", "r.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(APPROVER))
                .andExpect(status().isOk());
        mvc.perform(json(put("/api/review/register/55500061"), "{\"unionName\":\"新北市更正後工會\"}").with(APPROVER))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(json(put("/api/review/register/55500061"),
                        "{\"unionName\":\"新北市更正後工會\",\"reason\":\"依 113 年變更登記\"}").with(APPROVER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.unionName").value("新北市更正後工會"))
                .andExpect(jsonPath("$.updatedBy").value("approver1"));
        assertThat(audit.forSubject("55500061")).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("REGISTER_CORRECT");
            assertThat(e.detail()).contains("新北市更正前工會 → 新北市更正後工會").contains("依 113 年變更登記");
            assertThat(e.remoteAddress()).isEqualTo("10.0.0.7");
        });
    }

    // ---- audit trail -------------------------------------------------------------------------

    @Test
    void everyLookAtACaseIsAuditedAndSupervisorsExportTheTrailAsCsv() throws Exception {
        String id = events.readyCase("55500071", "新北市稽核工會", "OCCUPATIONAL", false);
        mvc.perform(get("/api/review/cases/" + id).with(REVIEWER).with(from("198.51.100.4")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/review/cases/" + id + "/audit").with(APPROVER))
                .andExpect(jsonPath("$[0].actor").value("reviewer1"))
                .andExpect(jsonPath("$[0].action").value("VIEW_CASE"))
                .andExpect(jsonPath("$[0].remoteAddress").value("198.51.100.4"));
        propose(id, "{\"outcome\":\"REJECT\",\"reason\":\"章程未依規定訂定\"}", REVIEWER);
        byte[] export = mvc.perform(get("/api/review/audit.csv").param("subject", id).with(APPROVER))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(export, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF時間,帳號,角色,動作,對象,內容,結果,來源位址");
        assertThat(text.lines().skip(1).toList()).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("\"reviewer1\"", "\"VIEW_CASE\"", "\"198.51.100.4\""))
                .anySatisfy(l -> assertThat(l).contains("\"PROPOSE\"", "\"REJECT\"", "\"DONE\""));
        // the export itself is on the trail
        assertThat(audit.between(null, null, null, 10_000)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("EXPORT_AUDIT");
            assertThat(e.actor()).isEqualTo("approver1");
        });
    }

    // ---- notices -------------------------------------------------------------------------------

    @Test
    void officersAreToldWhatWaitsForThem() throws Exception {
        String id = events.readyCase(true);
        mvc.perform(get("/api/review/me").with(REVIEWER))
                .andExpect(jsonPath("$.username").value("reviewer1"))
                .andExpect(jsonPath("$.notices[?(@.kind=='READY_FOR_REVIEW')].count").value(
                        org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.greaterThanOrEqualTo(1))));
        propose(id, "{\"outcome\":\"APPROVE\"}", REVIEWER_2);
        mvc.perform(get("/api/review/me").with(APPROVER))
                .andExpect(jsonPath("$.notices[?(@.kind=='AWAITING_SIGN_OFF')].message").value(
                        org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("件擬辦待核定"))))
                .andExpect(jsonPath("$.notices[?(@.kind=='READY_FOR_REVIEW')]").isEmpty());
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
