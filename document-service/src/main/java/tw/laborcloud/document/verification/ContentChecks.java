package tw.laborcloud.document.verification;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Every {@link ContentCheck} that applies to a type, run on one file: the verification runs
 * them on each claimed upload, the intake on each new one (refusing what cannot be used), so
 * each check is written once.
 */
@Component
public class ContentChecks {

    private final List<ContentCheck> checks;

    ContentChecks(List<ContentCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** The findings of every applicable check and the page count, if a check counted pages. */
    public CheckResult run(Path file, String contentType) {
        List<Finding> findings = new ArrayList<>();
        Integer pages = null;
        for (ContentCheck check : checks) {
            if (check.appliesTo(contentType)) {
                CheckResult checked = check.check(file, contentType);
                findings.addAll(checked.findings());
                pages = checked.pages() != null ? checked.pages() : pages;
            }
        }
        return new CheckResult(findings, pages);
    }
}
