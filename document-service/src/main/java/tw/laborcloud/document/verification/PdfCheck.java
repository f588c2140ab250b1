package tw.laborcloud.document.verification;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.springframework.stereotype.Component;

import tw.laborcloud.document.upload.ContentTypes;

/**
 * Opens a PDF as an officer's viewer would, counts its pages and looks for what a
 * document for the bureau has no use for: JavaScript and attached files. Both are flagged
 * for the officer, not refused: a form exported by some office software carries a script
 * that does no harm, and the officer decides.
 */
@Component
class PdfCheck implements ContentCheck {

    @Override
    public boolean appliesTo(String contentType) {
        return ContentTypes.isPdf(contentType);
    }

    @Override
    public CheckResult check(Path file, String contentType) {
        List<Finding> findings = new ArrayList<>();
        boolean truncated;
        try {
            truncated = Pdfs.isTruncated(file);
        } catch (IOException e) {
            return CheckResult.found(Finding.PDF_UNREADABLE);
        }
        if (truncated) {
            findings.add(Finding.PDF_TRUNCATED);
        }
        try (PDDocument pdf = Pdfs.open(file)) {
            if (pdf.isEncrypted()) {
                // opened without a password, but owner restrictions may forbid printing the archive copy
                findings.add(Finding.PDF_ENCRYPTED);
                return new CheckResult(findings, null);
            }
            // walk the page tree: the /Count in the catalogue alone may claim pages that are not there
            int pages = 0;
            for (PDPage ignored : pdf.getPages()) {
                pages++;
            }
            if (pages == 0) {
                findings.add(Finding.PDF_NO_PAGES);
            }
            findings.addAll(PdfActiveContent.find(pdf));
            return new CheckResult(findings, pages);
        } catch (InvalidPasswordException e) {
            findings.add(Finding.PDF_ENCRYPTED);
            return new CheckResult(findings, null);
        } catch (IOException | RuntimeException e) {
            // a cut-off file that cannot be repaired: the truncation is the reason to report
            if (!truncated) {
                findings.add(Finding.PDF_UNREADABLE);
            }
            return new CheckResult(findings, null);
        }
    }
}
