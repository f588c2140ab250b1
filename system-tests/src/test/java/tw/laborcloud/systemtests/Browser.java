package tw.laborcloud.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Chromium driven by Playwright, as a clerk's Chrome: the system's Chromium (Playwright's own
 * download is switched off), a Traditional Chinese locale, screenshots kept as test artifacts.
 */
final class Browser implements AutoCloseable {

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final Path screenshots;

    Browser() {
        String chromium = System.getProperty("laborcloud.chromium", "chromium");
        if (!Files.isExecutable(Path.of(chromium))) {
            throw new IllegalStateException("No Chromium at " + chromium
                    + ": install Debian's chromium (apt-get install chromium fonts-noto-cjk) or pass -Dchromium.path=...");
        }
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        screenshots = Path.of(System.getProperty("laborcloud.screenshots", "target/screenshots"));
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(chromium))
                .setHeadless(true)
                // root in CI; and no calls home: this machine has no network beyond localhost
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    Page newPage() {
        return newPage("zh-TW");
    }

    /** A page in a fresh context (its own cookies) whose browser asks for the given language. */
    Page newPage(String locale) {
        Page page = browser.newContext(new NewContextOptions().setLocale(locale).setViewportSize(1280, 900)
                .setTimezoneId("Asia/Taipei")).newPage();
        // a whole stack shares two cores with the browser: give slow steps (a first login) room
        page.setDefaultTimeout(60_000);
        page.setDefaultNavigationTimeout(60_000);
        return page;
    }

    /** Fills Keycloak's login page (the realm's themed one) and submits it. */
    void logInAtKeycloak(Page page, String username, String password) {
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
    }

    Path screenshot(Page page, String name) {
        Path file = screenshots.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
