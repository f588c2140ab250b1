package tw.laborcloud.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tw.laborcloud.platform.test.LocalTestInfra;

/**
 * The officers' pages as the server renders them from one layout: the navigation with the page (or the
 * list a case belongs to) marked, the parts a registration's case and a filing share written once, and
 * the labels of the contracts in the page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PagesIntegrationTests {

    private static final RequestPostProcessor REVIEWER = jwt().jwt(j -> j.claim("preferred_username", "reviewer1"))
            .authorities(new SimpleGrantedAuthority("ROLE_reviewer"));
    private static final Pattern OPTION = Pattern.compile("<option value=\"([^\"]+)\"[^>]*>([^<]*)</option>");
    private static final Pattern MARKED = Pattern.compile("<a href=\"([^\"]+)\" aria-current=\"(page|true)\">");

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void eachPageMarksItselfOrItsListInTheNavigation() throws Exception {
        assertThat(marked(page("/review/"))).containsExactly("/review/=page");
        assertThat(marked(page("/review/filings"))).containsExactly("/review/filings=page");
        assertThat(marked(page("/review/register"))).containsExactly("/review/register=page");
        assertThat(marked(page("/review/case?id=R1"))).containsExactly("/review/=true");
        assertThat(marked(page("/review/filing?id=F1"))).containsExactly("/review/filings=true");
    }

    @Test
    void theAddressesThePagesHadAsStaticFilesStillAnswerWithTheSamePage() throws Exception {
        // officers keep bookmarks such as /review/filings.html from before the pages were templates
        for (String[] address : new String[][] {{"/review/index.html", "/review/"}, {"/review/filings.html", "/review/filings"},
                {"/review/register.html", "/review/register"}, {"/review/case.html?id=R1", "/review/case?id=R1"},
                {"/review/filing.html?id=F1", "/review/filing?id=F1"}}) {
            assertThat(page(address[0])).as(address[0]).isEqualTo(page(address[1]));
        }
    }

    @Test
    void aCaseAndAFilingShareTheDecisionPanelEachWithItsOwnProposal() throws Exception {
        String registration = page("/review/case?id=R1");
        String filing = page("/review/filing?id=F1");
        for (String html : List.of(registration, filing)) {
            assertThat(html).contains("<section id=\"actions\"", "<form id=\"proposal-form\" novalidate hidden>",
                    "<form id=\"sign-off-form\" novalidate hidden>", "<section id=\"history\"", "<details id=\"audit-details\">",
                    "<dialog id=\"preview-dialog\"", "<dialog id=\"confirm-dialog\"");
            assertThat(html.split("id=\"proposal-form\"", -1)).as("one proposal form").hasSize(2);
        }
        assertThat(registration).contains("value=\"SUPPLEMENT\"> 擬退回補正</label>", "id=\"case-title\"",
                "id=\"supplement-group\"", "<section id=\"supplements\"").doesNotContain("value=\"ACCEPT\"");
        assertThat(filing).contains("value=\"ACCEPT\"> 擬准予備查</label>", "id=\"filing-title\"", "id=\"filing-overdue\"",
                "id=\"accept-effect\"").doesNotContain("value=\"SUPPLEMENT\"");
    }

    @Test
    void theThreeListsShareOneTableWithTheirOwnColumnsAndOnePaging() throws Exception {
        for (String[] list : new String[][] {{"/review/", "queue", "未結案件", "收件日期 / 天數"},
                {"/review/filings", "filings", "未結案件", "申請類別"}, {"/review/register", "register", "工會登記簿", "核發日期"}}) {
            String html = page(list[0]);
            assertThat(html).as(list[0]).contains("<table id=\"" + list[1] + "\">",
                    "<caption id=\"" + list[1] + "-caption\">" + list[2] + "</caption>", list[3],
                    "<button type=\"button\" id=\"next-page\" class=\"secondary small\">下一頁</button>");
            assertThat(html.indexOf(list[3])).as("the page's columns in its table's head")
                    .isBetween(html.indexOf("<thead>"), html.indexOf("</thead>"));
        }
    }

    @Test
    void eachQueueFiltersByItsOwnStatusesInTheOrderOfficersWorkThem() throws Exception {
        assertThat(options(page("/review/"), "status-filter")).containsExactly("OPEN=未結案件", "READY_FOR_REVIEW=待審查",
                "AWAITING_SIGN_OFF=待主管核定", "AWAITING_DOCUMENTS=文件檢核中", "AWAITING_SUPPLEMENTS=退回補正中",
                "AWAITING_REGISTRATION=等待申請資料", "APPROVED=核准", "REJECTED=駁回", "ALL=全部");
        String filings = page("/review/filings");
        assertThat(options(filings, "filing-status-filter")).containsExactly("OPEN=未結案件", "READY_FOR_REVIEW=待審查",
                "AWAITING_SIGN_OFF=待主管核定", "RETURNED=已退回補正", "ACCEPTED=已備查", "ALL=全部");
        assertThat(filings).contains("<form id=\"filing-filters\" class=\"toolbar\" role=\"search\" aria-label=\"篩選會務案件\">",
                "<label for=\"filing-search\">搜尋工會名稱、立案證書編號或案號</label>",
                "aria-describedby=\"filing-search-hint\"", "<button type=\"submit\" id=\"filing-search-button\">搜尋</button>");
    }

    @Test
    void thePagesCarryTheContractsLabelsAndTheRegisterOffersEachUnionType() throws Exception {
        String register = page("/review/register");
        assertThat(register).contains("data-labels=\"{&quot;documentKinds&quot;:{&quot;CHARTER&quot;:&quot;章程&quot;")
                .contains("<option value=\"ENTERPRISE\">企業工會</option>", "<option value=\"FEDERATION\">聯合組織</option>");
        assertThat(register.indexOf("value=\"ENTERPRISE\"")).as("the law's order").isLessThan(register.indexOf("value=\"FEDERATION\""));
        assertThat(register).contains("<script src=\"/web/api.js\" defer></script>", "<script src=\"/review/register.js\" defer></script>");
        // the register's two changes each ask for the reason the audit trail records
        assertThat(register).contains("<label for=\"correct-reason\">更正原因（必填，記入稽核紀錄）</label>",
                "<textarea id=\"correct-reason\" maxlength=\"1000\" rows=\"3\" required></textarea>",
                "<button type=\"submit\" id=\"correct-save\">儲存更正</button>",
                "<label for=\"seal-reason\">更換原因（必填，記入稽核紀錄）</label>",
                "<button type=\"submit\" id=\"seal-save\">更換圖記</button>",
                "<button type=\"button\" id=\"seal-cancel\" class=\"secondary\">取消</button>");
    }

    @Test
    void theSharedScriptsAreServedWithoutALogin() throws Exception {
        mvc.perform(get("/web/dom.js")).andExpect(status().isOk());
        mvc.perform(get("/review/core.js")).andExpect(status().isUnauthorized());
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(REVIEWER))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The options of the select with this id, as value=label. */
    private static List<String> options(String html, String select) {
        int start = html.indexOf("<select id=\"" + select + "\"");
        String options = html.substring(start, html.indexOf("</select>", start));
        return OPTION.matcher(options).results().map(m -> m.group(1) + "=" + m.group(2)).toList();
    }

    private static List<String> marked(String html) {
        return MARKED.matcher(html).results().map(m -> m.group(1) + "=" + m.group(2)).toList();
    }
}
