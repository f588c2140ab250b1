package tw.laborcloud.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

/**
 * Every page an officer, a union or an operator works in, checked with axe (WCAG 2 A and AA,
 * 2.1 AA): no serious or critical violation. The pages are looked at as their users see them:
 * logged in through Keycloak's own login pages (checked too), with a case on the queue. The filing
 * pages of a union and of an officer are checked where a filing is made, in UnionAffairsBrowserTests.
 */
class AccessibilityBrowserTests extends BrowserTests {

    @Test
    void theOfficersPagesAndTheirLoginPage() {
        String certificateNo = String.valueOf(ThreadLocalRandom.current().nextInt(20_000_000, 99_999_999));
        String email = "a11y-" + certificateNo + "@union.example";
        String applicationId = client.registerUnion(certificateNo, "Union-Pass-2026", email, "新北市無障礙檢查產業工會");
        client.confirmContactEmail(stack, email);
        String approverToken = client.token("approver1", "Approver1-pass!");
        await("case ready").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> client.caseReady(applicationId, approverToken));

        List<String> violations = new ArrayList<>();
        Page page = browser.newPage();
        page.navigate(stack.gatewayUrl() + "/review/");
        page.waitForURL(Pattern.compile("^" + Pattern.quote(stack.keycloakUrl()) + "/realms/laborcloud/.*"));
        violations.addAll(Accessibility.seriousViolations(page, "staff login (Keycloak)"));
        browser.logInAtKeycloak(page, "reviewer1", "Reviewer1-pass!");
        page.waitForURL(Pattern.compile(Pattern.quote(stack.gatewayUrl()) + "/review/.*"));
        assertThat(page.locator("#who")).containsText("reviewer1");
        violations.addAll(Accessibility.seriousViolations(page, "registration queue"));

        page.navigate(stack.gatewayUrl() + "/review/case?id=" + applicationId);
        assertThat(page.locator("#case-title")).hasText("新北市無障礙檢查產業工會");
        assertThat(page.locator("#seal-score")).not().hasText("比對中…");
        violations.addAll(Accessibility.seriousViolations(page, "case"));

        page.navigate(stack.gatewayUrl() + "/review/filings.html");
        assertThat(page.locator("#who")).containsText("reviewer1");
        violations.addAll(Accessibility.seriousViolations(page, "filings queue"));

        page.navigate(stack.gatewayUrl() + "/review/register.html");
        assertThat(page.locator("#who")).containsText("reviewer1");
        violations.addAll(Accessibility.seriousViolations(page, "union register"));

        assertThat(violations).isEmpty();
    }

    @Test
    void theUnionsPublicPages() {
        String certificateNo = String.valueOf(ThreadLocalRandom.current().nextInt(20_000_000, 99_999_999));
        String applicationId = client.registerUnion(certificateNo, "Union-Pass-2026",
                "a11y-public-" + certificateNo + "@union.example", "新北市無障礙公開頁面產業工會");
        List<String> violations = new ArrayList<>();
        Page page = browser.newPage();
        page.navigate(stack.gatewayUrl() + "/");
        assertThat(page.getByText("帳號註冊").first()).isVisible();
        violations.addAll(Accessibility.seriousViolations(page, "home"));
        page.navigate(stack.gatewayUrl() + "/register/index.html");
        assertThat(page.locator("#unionType option")).hasCount(5);
        violations.addAll(Accessibility.seriousViolations(page, "registration form"));
        // sent empty: the error summary and every field's message are shown
        page.locator("#submit").click();
        assertThat(page.locator("#summary")).isVisible();
        violations.addAll(Accessibility.seriousViolations(page, "registration form with errors"));
        page.navigate(stack.gatewayUrl() + "/register/receipt.html?applicationId=" + applicationId);
        assertThat(page.locator("#applicationId")).hasText(applicationId);
        violations.addAll(Accessibility.seriousViolations(page, "receipt"));
        page.navigate(stack.gatewayUrl() + "/register/status.html");
        violations.addAll(Accessibility.seriousViolations(page, "status look-up"));
        page.navigate(stack.gatewayUrl() + "/register/status.html?applicationId=" + applicationId + "&certificateNo="
                + certificateNo);
        assertThat(page.locator("#result")).isVisible();
        violations.addAll(Accessibility.seriousViolations(page, "status of an application"));
        // a confirmation link that is not (or no longer) valid: the page says so
        page.navigate(stack.gatewayUrl() + "/register/confirm.html?applicationId=" + applicationId + "&token=expired");
        assertThat(page.locator("#message")).not().hasText("確認中…");
        violations.addAll(Accessibility.seriousViolations(page, "address confirmation"));
        assertThat(violations).isEmpty();
    }

    @Test
    void theUnionsLoginPortalAndFilings() {
        StackClient.ActivatedUnion union = client.activatedUnion(stack, "新北市無障礙入口測試產業工會");
        List<String> violations = new ArrayList<>();
        Page page = browser.newPage();
        page.navigate(stack.gatewayUrl() + "/");
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("登入").setExact(true)).click();
        page.waitForURL(Pattern.compile("^" + Pattern.quote(stack.keycloakUrl()) + "/realms/laborcloud/.*"));
        assertThat(page.locator("#kc-page-title")).hasText("以工會身分登入");
        violations.addAll(Accessibility.seriousViolations(page, "union login (Keycloak)"));
        // the way back in for a clerk who forgot the password, and back to the login
        page.getByText("忘記密碼？").click();
        assertThat(page.locator("#kc-page-title")).containsText("忘記密碼");
        violations.addAll(Accessibility.seriousViolations(page, "forgotten password (Keycloak)"));
        page.goBack();
        assertThat(page.locator("#kc-page-title")).hasText("以工會身分登入");
        page.locator("#username").fill(union.certificateNo());
        page.locator("#password").fill(union.password());
        page.locator("#kc-login").click();
        page.waitForURL(stack.gatewayUrl() + "/portal");
        assertThat(page.locator("#union-portal")).isVisible();
        violations.addAll(Accessibility.seriousViolations(page, "union portal"));
        page.navigate(stack.gatewayUrl() + "/portal/affairs");
        violations.addAll(Accessibility.seriousViolations(page, "union-affairs filings"));
        page.navigate(stack.gatewayUrl() + "/portal/filing.html?type=ADDRESS_CHANGE");
        assertThat(page.locator("#field-newAddress-district")).isVisible();
        violations.addAll(Accessibility.seriousViolations(page, "a new filing"));
        assertThat(violations).isEmpty();
    }

    @Test
    void theOperationsConsoleAndItsLogin() {
        List<String> violations = new ArrayList<>();
        Page page = browser.newPage();
        page.navigate(stack.gatewayUrl() + "/ops/");
        page.waitForURL(Pattern.compile("^" + Pattern.quote(stack.keycloakUrl()) + "/realms/laborcloud/.*"));
        browser.logInAtKeycloak(page, "ops1", "Ops1-pass!");
        page.waitForURL(Pattern.compile(Pattern.quote(stack.gatewayUrl()) + "/ops/.*"));
        page.waitForLoadState();
        violations.addAll(Accessibility.seriousViolations(page, "ops console"));
        assertThat(violations).isEmpty();
    }
}
