package tw.laborcloud.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import tw.laborcloud.infra.MailMessage;

/**
 * 工會會務申請或備查 end to end: an activated union logs in, files a change of address with the
 * board's resolution attached, a reviewer proposes to accept it and a supervisor signs it off;
 * the union's profile shows the new address and the union has the e-mail.
 */
class UnionAffairsBrowserTests extends BrowserTests {

    @Test
    void aUnionFilesAChangeOfAddressAnOfficerAcceptsItAndTheProfileAndMailFollow() throws Exception {
        StackClient.ActivatedUnion union = client.activatedUnion(stack, "新北市會務瀏覽器測試產業工會");
        String today = LocalDate.now(ZoneId.of("Asia/Taipei")).toString();

        // the union logs in and sees its profile as registered
        Page clerk = browser.newPage();
        clerk.navigate(stack.gatewayUrl() + "/portal/affairs");
        browser.logInAtKeycloak(clerk, union.certificateNo(), union.password());
        clerk.waitForURL(Pattern.compile(Pattern.quote(stack.gatewayUrl()) + "/portal/affairs.*"));
        assertThat(clerk.locator("#profile-address")).containsText("中山路一段161號");

        // a change of address, with the board's resolution attached
        clerk.locator("#new-filing-type").selectOption("ADDRESS_CHANGE");
        clerk.locator("#new-filing").click();
        clerk.waitForURL(Pattern.compile(".*/portal/filing\\.html\\?type=ADDRESS_CHANGE.*"));
        try {
            clerk.locator("#field-newAddress-district").waitFor();
        } catch (RuntimeException e) {
            // what the page shows instead tells why the form did not come
            browser.screenshot(clerk, "affairs-00-form-missing");
            throw new AssertionError("no filing form at " + clerk.url() + ": " + clerk.locator("body").innerText(), e);
        }
        clerk.locator("#field-newAddress-district").selectOption("新莊區");
        clerk.locator("#field-newAddress-street").fill("中正路 100 號 5 樓");
        clerk.locator("#field-effectiveOn").fill(today);
        clerk.locator("#field-meetingDate").fill(today);
        Path resolution = Files.createTempFile("board-resolution", ".pdf");
        Files.write(resolution, TestFiles.pdf("Board resolution " + union.certificateNo()));
        clerk.locator("#attachment-BOARD_RESOLUTION").setInputFiles(resolution);
        // submitting waits for nothing: the upload must have finished (the file name shows while it runs)
        assertThat(clerk.locator("#attachment-BOARD_RESOLUTION-info")).containsText("已上傳");
        browser.screenshot(clerk, "affairs-01-change-of-address-filled");
        clerk.locator("#submit-filing").click();
        assertThat(clerk.locator("#filing-status")).containsText("審查中");
        String filingId = clerk.url().replaceAll(".*[?&]id=([^&]+).*", "$1");
        assertThat(filingId).startsWith("F");
        browser.screenshot(clerk, "affairs-02-submitted");
        assertThat(Accessibility.seriousViolations(clerk, "a submitted filing")).isEmpty();

        // the reviewer proposes to accept it, comparing it with the union's profile on record
        Page reviewer = browser.newPage();
        reviewer.navigate(stack.gatewayUrl() + "/review/filings");
        browser.logInAtKeycloak(reviewer, "reviewer1", "Reviewer1-pass!");
        reviewer.waitForURL(Pattern.compile(".*/review/filings.*"));
        reviewer.locator("#filing-search").fill(union.certificateNo());
        reviewer.locator("#filing-search-button").click();
        var row = reviewer.locator("tr[data-filing-id=\"" + filingId + "\"]");
        assertThat(row).containsText("會址變更");
        row.locator("a.open-filing").click();
        reviewer.waitForURL(Pattern.compile(".*/review/filing\\?id=" + Pattern.quote(filingId)));
        assertThat(reviewer.locator("#filing-form")).containsText("中正路 100 號 5 樓");
        assertThat(reviewer.locator("#union-profile")).containsText("中山路一段161號");
        assertThat(reviewer.locator("figure.document[data-kind=BOARD_RESOLUTION] img.preview")).isVisible();
        browser.screenshot(reviewer, "affairs-03-officer-filing-page");
        assertThat(Accessibility.seriousViolations(reviewer, "an officer's filing page")).isEmpty();
        reviewer.locator("input[name=outcome][value=ACCEPT]").check();
        reviewer.locator("#submit-proposal").click();
        assertThat(reviewer.locator("#action-error")).isEmpty();
        assertThat(reviewer.locator("#filing-status")).containsText("待主管核定");

        Page approver = browser.newPage();
        approver.navigate(stack.gatewayUrl() + "/review/filing?id=" + filingId);
        browser.logInAtKeycloak(approver, "approver1", "Approver1-pass!");
        approver.waitForURL(Pattern.compile(".*/review/filing\\?id=" + Pattern.quote(filingId)));
        approver.locator("#sign-off").click();
        approver.locator("#confirm-sign-off").click();
        assertThat(approver.locator("#filing-status")).containsText("已備查");

        // the union's profile follows and the union is told
        MailMessage mail = await("filing mail").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> stack.mailMessages().stream().filter(m -> m.to().contains(union.email())
                        && m.subject().contains("備查通知")).findFirst().orElse(null), m -> m != null);
        assertThat(mail.text()).contains("會址變更", "准予備查", filingId);
        // the page loads the profile after it opens: each look waits for it, then asks again; Playwright
        // must be driven from the thread that made it, so Awaitility polls in this one
        await("profile updated").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .pollInSameThread().ignoreExceptions().untilAsserted(() -> {
                    clerk.navigate(stack.gatewayUrl() + "/portal/affairs");
                    assertThat(clerk.locator("#profile-address")).containsText("中正路 100 號 5 樓",
                            new LocatorAssertions.ContainsTextOptions().setTimeout(5_000));
                });
        assertThat(clerk.locator("#profile-address")).containsText("新莊區");
        assertThat(clerk.locator("tr[data-filing-id=\"" + filingId + "\"]")).containsText("已備查");
        browser.screenshot(clerk, "affairs-04-profile-updated");
    }
}
