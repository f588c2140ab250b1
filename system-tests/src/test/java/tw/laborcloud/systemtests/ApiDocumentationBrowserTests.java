package tw.laborcloud.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * What an integrator (another city system, a union's software) reads first: the gateway's one Swagger UI
 * page, listing every service's API, each description fetched from the running service through the gateway.
 */
class ApiDocumentationBrowserTests extends BrowserTests {

    @Test
    void theSwaggerUiPageListsEveryApiAndShowsEachOnesOperations() {
        Page page = browser.newPage();
        page.navigate(stack.gatewayUrl() + "/swagger-ui.html");
        Locator apis = page.locator(".topbar select");
        assertThat(apis.locator("option")).hasCount(7);
        // (Swagger UI orders them by name)
        org.assertj.core.api.Assertions.assertThat(apis.locator("option").allInnerTexts()).containsExactlyInAnyOrder(
                "工會帳號申請 API", "文件上傳 API", "工會會務 API", "審查作業 API", "通知 API", "維運主控台 API", "入口閘道（登入工作階段）");
        // the primary one is shown first
        // with its title, its operations and the shared error shape
        assertThat(page.locator(".info .title")).containsText("工會帳號申請 API");
        assertThat(page.locator(".opblock-summary-description").filter(new Locator.FilterOptions().setHasText("送出申請")))
                .isVisible();
        assertThat(page.locator(".models")).containsText("Problem");
        browser.screenshot(page, "api-docs-01-registration");

        for (List<String> api : List.of(List.of("審查作業 API", "主管核定"), List.of("工會會務 API", "送出案件"),
                List.of("文件上傳 API", "上傳文件"), List.of("維運主控台 API", "重送一筆死信"))) {
            apis.selectOption(api.get(0));
            assertThat(page.locator(".info .title")).containsText(api.get(0));
            assertThat(page.locator(".opblock-summary-description").filter(new Locator.FilterOptions()
                    .setHasText(api.get(1))).first()).isVisible();
        }
        browser.screenshot(page, "api-docs-02-ops");
    }
}
