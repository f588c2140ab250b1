package tw.laborcloud.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

import tw.laborcloud.platform.test.SealImages;
import tw.laborcloud.review.cases.CaseStatus;
import tw.laborcloud.seal.SealSimilarity;

/**
 * What the officers get to work on: cases made from the other services' events, the queue, and the
 * union register the cases are checked against (import, checks, seal comparison, corrections).
 */
abstract class CaseIntakeScenarios extends ReviewScenarioSupport {

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
}
