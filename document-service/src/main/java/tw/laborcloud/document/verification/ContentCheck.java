package tw.laborcloud.document.verification;

import java.nio.file.Path;

/**
 * One check of a stored document's content. Every bean of this type runs on each claimed
 * upload of a type it applies to; a new check is a new bean. A check reports what it
 * finds and never throws for bad content.
 */
public interface ContentCheck {

    boolean appliesTo(String contentType);

    /** Checks the file, whose content was detected as {@code contentType}. */
    CheckResult check(Path file, String contentType);
}
