package tw.laborcloud.document.verification;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import tw.laborcloud.document.upload.Polyglots;

/**
 * A file that is also another format. The intake refuses these; the check covers uploads
 * stored before that rule.
 */
@Component
class PolyglotCheck implements ContentCheck {

    @Override
    public boolean appliesTo(String contentType) {
        return true;
    }

    @Override
    public CheckResult check(Path file, String contentType) {
        try {
            return Polyglots.secondFormat(file, contentType).isPresent() ? CheckResult.found(Finding.POLYGLOT)
                    : CheckResult.passed(null);
        } catch (IOException e) {
            // the file was just copied from the store; another check reports it if it cannot be read
            return CheckResult.passed(null);
        }
    }
}
