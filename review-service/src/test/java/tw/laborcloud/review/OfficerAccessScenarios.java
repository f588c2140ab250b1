package tw.laborcloud.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import tw.laborcloud.review.cases.CaseStatus;

/**
 * Who may call which address and open which page, what goes on the audit trail, and what the
 * officers are told waits for them.
 */
abstract class OfficerAccessScenarios extends ReviewScenarioSupport {

    static final JwtRequestPostProcessor REVIEWER_2 = officer("reviewer2", "reviewer");

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
}
