package tw.laborcloud.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;

/**
 * axe on a page as its user sees it: WCAG 2 A and AA, 2.1 AA. Each page checked is also kept as a full-page
 * screenshot, {@code target/screenshots/pages/<name>.png}: the record of how every page looks (docs/screenshots/).
 */
final class Accessibility {

    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21aa");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("laborcloud.screenshots", "target/screenshots"), "pages");

    private Accessibility() {
    }

    /**
     * The page's serious and critical violations, each as "page: rule: help [elements]", looked
     * for once the page's own calls have ended.
     */
    static List<String> seriousViolations(Page page, String name) {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(
                name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "") + ".png")));
        AxeResults results = new AxeBuilder(page).withTags(TAGS).analyze();
        // axe looked at the page: some of its rules applied and passed
        assertThat(results.getPasses()).as("axe rules passed on " + name).isNotEmpty();
        return results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> name + ": " + v.getId() + ": " + v.getHelp() + " "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
    }
}
