package tw.laborcloud.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import tw.laborcloud.infra.MailMessage;

/**
 * A union whose account was opened logs in the way the seed describes: 登入 → 以工會身分登入 on
 * the portal, Keycloak's (themed, Traditional Chinese) login page with its certificate number
 * and password, its portal with 工會專屬服務 and 工會會務申請或備查, and logout, which ends the
 * Keycloak session too. The browser asks for English on purpose: the login page is still zh-TW.
 */
class UnionLoginBrowserTests extends BrowserTests {

    @Test
    void aUnionLogsInWithItsCertificateNumberLandsOnItsPortalAndLogsOut() {
        StackClient.ActivatedUnion union = activatedUnion("新北市登入測試產業工會");
        Page page = browser.newPage("en-US");

        page.navigate(stack.gatewayUrl() + "/");
        page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("登入").setExact(true)).click();

        // Keycloak's own page, with the portal's look and wording
        page.waitForURL(Pattern.compile("^" + Pattern.quote(stack.keycloakUrl()) + "/realms/laborcloud/.*"));
        assertThat(page.locator("html")).hasAttribute("lang", "zh-TW");
        assertThat(page.locator("#kc-page-title")).hasText("以工會身分登入");
        assertThat(page.locator("#kc-header-wrapper")).hasText("新北勞動雲");
        assertThat(page.locator("label[for=username]")).hasText("帳號（立案證書字號）");
        assertThat(page.getByText("忘記密碼？")).isVisible();
        browser.screenshot(page, "union-login-page");

        page.locator("#username").fill(union.certificateNo());
        page.locator("#password").fill("Wrong-Pass-2026");
        page.locator("#kc-login").click();
        assertThat(page.getByText("帳號或密碼錯誤，請再試一次。")).isVisible();

        page.locator("#password").fill(union.password());
        page.locator("#kc-login").click();

        page.waitForURL(stack.gatewayUrl() + "/portal");
        assertThat(page.locator("#union-portal")).isVisible();
        assertThat(page.locator("h2#services-title")).hasText("工會專屬服務");
        assertThat(page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName(Pattern.compile("工會會務申請或備查")))).isVisible();
        assertThat(page.locator("#certificate-no")).hasText(union.certificateNo());
        assertThat(page.locator("#union-name")).hasText(union.name());
        assertThat(page.locator("#who")).hasText(union.certificateNo());
        browser.screenshot(page, "union-portal");

        page.getByText("工會會務申請或備查").first().click();
        page.waitForURL(stack.gatewayUrl() + "/portal/affairs");
        assertThat(page.locator("h1")).hasText("工會會務申請或備查");
        browser.screenshot(page, "union-affairs-placeholder");

        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("登出")).click();
        page.waitForURL(stack.gatewayUrl() + "/");
        assertThat(page.locator("#union-login")).hasText("以工會身分登入");

        // the Keycloak session ended too: the portal asks for the password again
        page.navigate(stack.gatewayUrl() + "/portal");
        page.waitForURL(Pattern.compile("^" + Pattern.quote(stack.keycloakUrl()) + "/realms/laborcloud/.*"));
        assertThat(page.locator("#username")).isVisible();
    }

    @Test
    void aForgottenPasswordIsResetThroughKeycloaksMailToTheUnionsAddress() {
        StackClient.ActivatedUnion union = activatedUnion("新北市忘記密碼測試產業工會");
        Page page = browser.newPage("zh-TW");
        page.navigate(stack.gatewayUrl() + "/portal");
        page.getByText("忘記密碼？").click();

        assertThat(page.locator("#kc-page-title")).hasText("忘記密碼");
        page.locator("#username").fill(union.certificateNo());
        browser.screenshot(page, "union-forgot-password");
        page.locator("input[type=submit], button[type=submit]").first().click();
        assertThat(page.locator(".pf-v5-c-alert, .kc-feedback-text").first()).containsText("重設密碼的連結");

        MailMessage reset = await("reset mail from Keycloak").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).until(() -> stack.mailMessages().stream()
                        .filter(m -> m.to().contains(union.email()) && !RegistrationToActivationSystemTests.isActivation(m)
                                && m.text() != null && m.text().contains("login-actions/action-token"))
                        .findFirst().orElse(null), m -> m != null);
        System.out.printf("Keycloak's reset mail: from %s, subject %s%n", reset.from(), reset.subject());
        assertThat(reset.from()).contains("no-reply@laborcloud.local");
        assertThat(reset.text()).contains(stack.keycloakUrl() + "/realms/laborcloud/login-actions/action-token");
    }

    @Test
    void anOfficerWhoLogsInAtTheUnionPortalIsToldItIsForUnions() {
        Page page = browser.newPage("zh-TW");
        page.navigate(stack.gatewayUrl() + "/portal");
        browser.logInAtKeycloak(page, "reviewer2", "Reviewer2-pass!");
        try {
            page.waitForURL(Pattern.compile(Pattern.quote(stack.gatewayUrl()) + "/portal.*"));
        } catch (RuntimeException e) {
            // what the browser shows instead tells why (an earlier run only said "timeout")
            browser.screenshot(page, "officer-at-union-portal-failed");
            throw new AssertionError("no portal after the officer's login; at " + page.url() + ": "
                    + page.locator("body").innerText(), e);
        }
        assertThat(page.locator("#not-union")).isVisible();
        assertThat(page.locator("#not-union-title")).hasText("此入口供工會使用");
        assertThat(page.locator("#staff-name")).hasText("reviewer2");
        assertThat(page.locator("#union-portal")).isHidden();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登出"))).isVisible();
        browser.screenshot(page, "officer-at-union-portal");
    }

    static StackClient.ActivatedUnion activatedUnion(String name) {
        return client.activatedUnion(stack, name);
    }
}
