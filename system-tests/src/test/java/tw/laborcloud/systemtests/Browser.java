package tw.laborcloud.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;

/**
 * Chromium driven by Playwright, as a clerk's Chrome: the system's Chromium (Playwright's own
 * download is switched off), a Traditional Chinese locale, screenshots kept as test artifacts.
 */
final class Browser implements AutoCloseable {

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final Path screenshots;
    /** The contexts (a clerk's, an officer's browser) opened since the last {@link #closeContexts()}. */
    private final List<Watched> contexts = new CopyOnWriteArrayList<>();

    /**
     * What went on in one context: the requests not answered yet, and what went wrong.
     *
     * @param answered the status of an open request whose answer's head came (its body did not yet)
     */
    private record Watched(BrowserContext context, Map<Request, Instant> open, Map<Request, Integer> answered,
            List<String> trouble) {
    }

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
        BrowserContext context = browser.newContext(new NewContextOptions().setLocale(locale)
                .setViewportSize(1280, 900).setTimezoneId("Asia/Taipei"));
        watch(context);
        Page page = context.newPage();
        // a whole stack shares two cores with the browser: give slow steps (a first login) room
        page.setDefaultTimeout(60_000);
        page.setDefaultNavigationTimeout(60_000);
        return page;
    }

    private void watch(BrowserContext context) {
        Watched watched = new Watched(context, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
                new CopyOnWriteArrayList<>());
        context.onRequest(r -> watched.open().put(r, Instant.now()));
        context.onRequestFinished(r -> {
            watched.open().remove(r);
            watched.answered().remove(r);
        });
        context.onRequestFailed(r -> {
            watched.open().remove(r);
            watched.answered().remove(r);
            watched.trouble().add("request failed: " + r.method() + " " + r.url() + " " + r.failure());
        });
        context.onResponse(r -> {
            if (watched.open().containsKey(r.request())) {
                watched.answered().put(r.request(), r.status());
            }
            if (r.status() >= 400) {
                watched.trouble().add("answer " + r.status() + ": " + r.request().method() + " " + r.url());
            }
        });
        context.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                watched.trouble().add("console: " + m.text());
            }
        });
        context.onWebError(e -> watched.trouble().add("script error: " + e.error()));
        contexts.add(watched);
    }

    /**
     * For the message of a failed test: each open page's address, the requests it still waits for (and
     * since when), failed requests, error answers, script and console errors. Empty when nothing is open.
     */
    String whatWentOn() {
        List<String> lines = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < contexts.size(); i++) {
            Watched watched = contexts.get(i);
            List<Page> pages;
            try {
                pages = watched.context().pages();
            } catch (RuntimeException closed) {
                continue;
            }
            lines.add("browser " + (i + 1) + ": " + pages.stream().map(Page::url).toList());
            // whether the head of the answer came tells a server that did not answer from a body that did not end
            watched.open().forEach((request, since) -> lines.add("  still waiting " + Duration.between(since, now)
                    .toSeconds() + " s for " + request.method() + " " + request.url()
                    + (watched.answered().containsKey(request) ? " (answered " + watched.answered().get(request)
                            + ", its body not complete)" : " (no answer yet)")));
            List<String> trouble = watched.trouble();
            trouble.subList(Math.max(0, trouble.size() - 20), trouble.size()).forEach(t -> lines.add("  " + t));
        }
        return String.join("\n", lines);
    }

    /** After each test: its browsers close, so that nothing of theirs keeps running into the next test. */
    void closeContexts() {
        for (Watched watched : contexts) {
            try {
                watched.context().close();
            } catch (RuntimeException alreadyClosed) {
                // the test closed it itself
            }
        }
        contexts.clear();
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
