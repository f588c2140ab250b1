package tw.laborcloud.document.verification;

import java.util.List;

/** The findings of one content check and, for paged formats, the page count. */
public record CheckResult(List<Finding> findings, Integer pages) {

    public CheckResult {
        findings = List.copyOf(findings);
    }

    public static CheckResult passed(Integer pages) {
        return new CheckResult(List.of(), pages);
    }

    public static CheckResult found(Finding finding) {
        return new CheckResult(List.of(finding), null);
    }
}
