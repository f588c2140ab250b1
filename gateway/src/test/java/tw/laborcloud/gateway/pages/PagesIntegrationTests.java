package tw.laborcloud.gateway.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The union pages as the server renders them from one layout: at the addresses they always had, each with
 * the header's navigation marking the page (or its section) it is, the shared scripts under /web/ (served
 * here too) and the labels of the contracts in the page instead of copies in its scripts.
 */
@SpringBootTest(properties = "laborcloud.keycloak.url=http://keycloak.test:8180")
class PagesIntegrationTests {

    private static final Pattern CURRENT = Pattern.compile("<a href=\"([^\"]+)\" aria-current=\"page\">");

    @Autowired
    ApplicationContext context;
    WebTestClient web;

    @BeforeEach
    void client() {
        web = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
    }

    /** @param current the navigation's link marked as the current page, null for none */
    record Page(String path, String heading, String current) {
    }

    @Test
    void everyPublicPageHasItsHeadingAndMarksItselfInTheNavigation() {
        List<Page> pages = List.of(
                new Page("/", "<h1>登入</h1>", "/"),
                new Page("/index.html", "<h1>登入</h1>", "/"),
                new Page("/register/index.html", "<h1>帳號註冊（工會）</h1>", "/register/index.html"),
                new Page("/register/confirm.html", "<h1>確認聯絡人電子郵件</h1>", "/register/index.html"),
                new Page("/register/receipt.html", "<h1>申請已送出</h1>", "/register/index.html"),
                new Page("/register/status.html", "<h1>查詢申請進度</h1>", "/register/status.html"));
        for (Page page : pages) {
            String html = get(web, page.path());
            assertThat(html).as(page.path()).contains(page.heading());
            assertThat(currentLinks(html)).as(page.path() + " marks in its navigation")
                    .isEqualTo(page.current() == null ? List.of() : List.of(page.current()));
            // the way back to the union's login from every public page (the registration form used to have it)
            assertThat(html).as(page.path()).contains(">工會登入</a>")
                    .contains("<script src=\"/web/api.js\" defer></script>")
                    .contains("data-labels=\"{&quot;documentKinds&quot;:{&quot;CHARTER&quot;:&quot;章程&quot;");
        }
    }

    @Test
    void theErrorSummaryIsOneComponentThatEachFormNamesInItsOwnWords() {
        assertThat(get(web, "/register/index.html"))
                .contains("<div id=\"summary\" class=\"summary\" role=\"alert\" tabindex=\"-1\" hidden>")
                .contains("<h2>資料有誤，請修正以下欄位後再送出</h2>");
        assertThat(get(web, "/register/status.html"))
                .contains("<div id=\"summary\" class=\"summary\" role=\"alert\" tabindex=\"-1\" hidden>")
                .contains("<h2>補正文件尚未送出，請依以下說明處理</h2>");
    }

    @Test
    void aUnionsPagesShowItsOwnNavigationWithTheLogoutForm() {
        WebTestClient union = web.mutateWith(mockOidcLogin().idToken(t -> t.claim("preferred_username", "12345678")));
        String portal = get(union, "/portal");
        assertThat(currentLinks(portal)).containsExactly("/portal");
        assertThat(portal).contains("action=\"/logout\"").doesNotContain("href=\"/register/status.html\"");
        String filing = get(union, "/portal/filing.html?type=ELECTION");
        assertThat(currentLinks(filing)).isEmpty();
        assertThat(filing).contains("<script src=\"/js/filing-fields.js\" defer></script>", "<a href=\"/portal\">工會專區</a>");
    }

    @Test
    void theSharedScriptsAreServedToAnyone() {
        for (String script : List.of("api.js", "format.js", "dom.js", "problems.js", "uploads.js")) {
            web.get().uri("/web/" + script).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.valueOf("text/javascript"));
        }
        web.get().uri("/web/../application.yml").exchange().expectStatus().is4xxClientError();
    }

    private static String get(WebTestClient client, String path) {
        byte[] body = client.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody().returnResult().getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }

    private static List<String> currentLinks(String html) {
        Matcher matcher = CURRENT.matcher(html);
        return matcher.results().map(m -> m.group(1)).toList();
    }
}
