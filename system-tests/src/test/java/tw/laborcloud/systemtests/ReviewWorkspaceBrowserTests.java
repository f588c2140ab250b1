package tw.laborcloud.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;

import tw.laborcloud.platform.test.SealImages;

/**
 * The bureau's two officers at work, through the gateway and Keycloak's login page: a
 * reviewer (承辦人) finds the case in the queue, looks at the data beside the documents and
 * the registered seal beside the uploaded one, and proposes approval; a supervisor (主管)
 * signs it off; the application is approved and the union's account opened.
 */
class ReviewWorkspaceBrowserTests extends BrowserTests {

    @Test
    void aReviewerComparesTheSealsAndProposesApprovalAndASupervisorSignsItOff() {
        String certificateNo = String.valueOf(ThreadLocalRandom.current().nextInt(20_000_000, 99_999_999));
        String unionName = "新北市審查瀏覽器測試產業工會";
        String email = "clerk-" + certificateNo + "@union.example";

        // the city's register knows the union and its seal; the union uploads a scan of the same seal
        BufferedImage registeredSeal = SealImages.seal(unionName, certificateNo.hashCode());
        String approverToken = client.token("approver1", "Approver1-pass!");
        HttpResponse<String> imported = client.multipart("/api/review/register/import", List.of(
                new StackClient.Part("csv", "register.csv", "text/csv",
                        ("立案證書編號,工會名稱,工會類別,核發日期,圖記檔名\n" + certificateNo + "," + unionName
                                + ",產業工會,103/05/12," + certificateNo + ".png\n").getBytes(StandardCharsets.UTF_8)),
                new StackClient.Part("seals", certificateNo + ".png", "image/png", SealImages.png(registeredSeal))),
                approverToken);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        byte[] scan = SealImages.jpeg(SealImages.scanned(registeredSeal, 1.5, 8, -5, 0.92, 7));
        String applicationId = client.registerUnion(certificateNo, "Union-Pass-2026", email, unionName, scan);
        client.confirmContactEmail(stack, email);
        await("case ready").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> client.caseReady(applicationId, approverToken));

        // the reviewer logs in on Keycloak's page and finds the case in the queue
        Page reviewer = browser.newPage();
        reviewer.navigate(stack.gatewayUrl() + "/review/");
        reviewer.waitForURL(Pattern.compile("^" + Pattern.quote(stack.keycloakUrl()) + "/realms/laborcloud/.*"));
        assertThat(reviewer.locator("#kc-page-title")).hasText("勞工局同仁登入");
        browser.screenshot(reviewer, "review-00-staff-login");
        browser.logInAtKeycloak(reviewer, "reviewer1", "Reviewer1-pass!");
        reviewer.waitForURL(Pattern.compile(Pattern.quote(stack.gatewayUrl()) + "/review/.*"));
        assertThat(reviewer.locator("#who")).containsText("reviewer1");
        reviewer.locator("#search").fill(certificateNo);
        reviewer.locator("#search-button").click();
        var row = reviewer.locator("tr[data-application-id=\"" + applicationId + "\"]");
        assertThat(row).containsText(unionName);
        assertThat(row).containsText("待審查");
        browser.screenshot(reviewer, "review-01-queue");
        row.locator("a.open-case").click();

        // the case: form data beside the documents, the register checks, the two seals with a score
        reviewer.waitForURL(Pattern.compile(".*/review/case\\?id=" + Pattern.quote(applicationId)));
        assertThat(reviewer.locator("#case-title")).hasText(unionName);
        assertThat(reviewer.locator("#details")).containsText("王大明");
        for (String kind : List.of("CHARTER", "CERTIFICATE_SCAN", "UNION_SEAL", "REPRESENTATIVE_SEAL")) {
            var figure = reviewer.locator("figure.document[data-kind=\"" + kind + "\"]");
            assertThat(figure.locator("img.preview")).isVisible();
            assertThat(figure.locator("a.original")).hasAttribute("href", Pattern.compile("/api/documents/.+/content"));
        }
        assertThat(reviewer.locator("#register-checks li[data-code=CERTIFICATE_REGISTERED]")).hasClass(
                Pattern.compile("\\bpass\\b"));
        assertThat(reviewer.locator("#register-checks li[data-code=NAME_MATCHES]")).hasClass(Pattern.compile("\\bpass\\b"));
        assertThat(reviewer.locator("#register-checks li[data-code=TYPE_MATCHES]")).hasClass(Pattern.compile("\\bpass\\b"));
        assertThat(reviewer.locator("#seal-score")).containsText("相似度");
        assertThat(reviewer.locator("#registered-seal")).isVisible();
        assertThat(reviewer.locator("#uploaded-seal")).isVisible();
        reviewer.waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(imagesLoaded(reviewer)).as("every preview and seal image rendered").isTrue();
        int score = Integer.parseInt(reviewer.locator("#seal-score").textContent().replaceAll("(?s).*?相似度\\D*(\\d+).*", "$1"));
        assertThat(score).as("same seal, scanned").isGreaterThanOrEqualTo(80);
        browser.screenshot(reviewer, "review-02-case-page-documents-and-seals");

        reviewer.locator("input[name=outcome][value=APPROVE]").check();
        reviewer.locator("#note").fill("資料與登記簿相符，圖記一致");
        reviewer.locator("#submit-proposal").click();
        assertThat(reviewer.locator("#action-error")).isEmpty();
        assertThat(reviewer.locator("#action-message")).containsText("待主管核定");
        assertThat(reviewer.locator("#case-status")).hasText("待主管核定");
        browser.screenshot(reviewer, "review-03-proposed");

        // the supervisor, in another browser, signs it off
        Page approver = browser.newPage();
        approver.navigate(stack.gatewayUrl() + "/review/case?id=" + applicationId);
        browser.logInAtKeycloak(approver, "approver1", "Approver1-pass!");
        approver.waitForURL(Pattern.compile(".*/review/case\\?id=" + Pattern.quote(applicationId)));
        assertThat(approver.locator("#notices")).containsText("待核定");
        assertThat(approver.locator("#proposal-summary")).containsText("reviewer1");
        approver.locator("#comment").fill("如擬");
        approver.locator("#sign-off").click();
        approver.locator("#confirm-sign-off").click();
        assertThat(approver.locator("#case-status")).hasText("核准");
        browser.screenshot(approver, "review-04-signed-off");

        await("account opened").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> client.applicationStatus(applicationId, certificateNo), "ACCOUNT_ACTIVATED"::equals);
        approver.reload();
        assertThat(approver.locator("#history")).containsText("reviewer1");
        assertThat(approver.locator("#history")).containsText("approver1");
    }

    /**
     * The union uploads a registration certificate that is not its own: the page says 84358795
     * (a generated certificate of 新北市印刷職業工會, the copy of the document-service corpus's
     * certificate-01), the account is another number. The verification reads the page; the case
     * page flags the number, shows what was read beside what the form says, and marks the number
     * on the certificate's image.
     */
    @Test
    void aCertificateWhoseNumberIsNotTheAccountIsFlaggedOnTheCasePage() throws Exception {
        String pageNumber = "84358795";
        String unionName = "新北市印刷職業工會";
        String certificateNo;
        do {
            certificateNo = String.valueOf(ThreadLocalRandom.current().nextInt(20_000_000, 99_999_999));
        } while (certificateNo.equals(pageNumber));
        String email = "clerk-" + certificateNo + "@union.example";
        byte[] scan = scanOf("/certificate-page.png");
        String applicationId = client.registerUnion(certificateNo, "Union-Pass-2026", email, unionName,
                TestFiles.image("SEAL " + certificateNo, "jpg"),
                new StackClient.Part("file", "立案證書.jpg", "image/jpeg", scan));
        client.confirmContactEmail(stack, email);
        String approverToken = client.token("approver1", "Approver1-pass!");
        await("case ready").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> client.caseReady(applicationId, approverToken));

        Page reviewer = browser.newPage();
        reviewer.navigate(stack.gatewayUrl() + "/review/case?id=" + applicationId);
        browser.logInAtKeycloak(reviewer, "reviewer1", "Reviewer1-pass!");
        reviewer.waitForURL(Pattern.compile(".*/review/case\\?id=" + Pattern.quote(applicationId)));

        // the finding on the document, in words
        var certificate = reviewer.locator("figure.document[data-kind=CERTIFICATE_SCAN]");
        assertThat(certificate.locator("li[data-code=CERTIFICATE_NUMBER_DIFFERS]")).hasText("證書字號與申請帳號不符");
        // what was read beside what the form says
        var number = reviewer.locator("#certificate-reading-body tr[data-field=number]");
        assertThat(number).hasClass(Pattern.compile("\\bdifferent\\b"));
        assertThat(number.locator("td.read")).containsText(pageNumber);
        assertThat(number).containsText(certificateNo);
        assertThat(number.locator("td.match")).hasText("不符");
        var name = reviewer.locator("#certificate-reading-body tr[data-field=unionName]");
        assertThat(name.locator("td.match")).not().hasText("不符");
        assertThat(reviewer.locator("#certificate-reading-body tr[data-field=issuer] td.match")).hasText("相符");
        // the number marked on the certificate's image, where it stands on the page (upper third, right of centre)
        var box = reviewer.locator(".reading-page .reading-box.different[data-field=number]");
        assertThat(box).isVisible();
        var image = reviewer.locator(".reading-page img");
        reviewer.waitForFunction("() => document.querySelector('.reading-page img').complete"
                + " && document.querySelector('.reading-page img').naturalWidth > 0");
        var page = image.boundingBox();
        var marked = box.boundingBox();
        assertThat((marked.y - page.y) / page.height).as("number's height on the page").isBetween(0.2, 0.4);
        assertThat((marked.x - page.x) / page.width).as("number's left edge on the page").isBetween(0.4, 0.75);
        browser.screenshot(reviewer, "review-05-certificate-number-differs");

        // the reading's section is usable with a screen reader and the keyboard (axe, WCAG 2.1 AA)
        var results = new com.deque.html.axecore.playwright.AxeBuilder(reviewer).include(List.of("#certificate-reading"))
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21aa")).analyze();
        assertThat(results.getViolations().stream().filter(v -> "serious".equals(v.getImpact())
                || "critical".equals(v.getImpact())).map(v -> v.getId() + ": " + v.getHelp()).toList()).isEmpty();
    }

    /** The scan as a union would upload it: the clean page as a JPEG. */
    private static byte[] scanOf(String resource) throws java.io.IOException {
        try (var in = ReviewWorkspaceBrowserTests.class.getResourceAsStream(resource)) {
            BufferedImage drawn = javax.imageio.ImageIO.read(in);
            BufferedImage grey = new BufferedImage(drawn.getWidth(), drawn.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            grey.createGraphics().drawImage(drawn, 0, 0, null);
            var out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(grey, "jpg", out);
            return out.toByteArray();
        }
    }

    private static boolean imagesLoaded(Page page) {
        return (Boolean) page.evaluate("() => [...document.querySelectorAll('figure.document img.preview, #registered-seal, #uploaded-seal')]"
                + ".every(img => img.complete && img.naturalWidth > 0)");
    }
}
