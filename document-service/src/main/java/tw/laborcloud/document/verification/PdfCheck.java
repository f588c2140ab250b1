package tw.laborcloud.document.verification;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.springframework.stereotype.Component;

import tw.laborcloud.document.upload.ContentTypes;

/** Opens a PDF as an officer's viewer would and counts its pages. */
@Component
class PdfCheck implements ContentCheck {

    @Override
    public boolean appliesTo(String contentType) {
        return ContentTypes.isPdf(contentType);
    }

    @Override
    public CheckResult check(Path file) {
        // from the file: PDFBox reads it on demand instead of loading it into memory
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            if (pdf.isEncrypted()) {
                // opened without a password, but owner restrictions may forbid printing the archive copy
                return CheckResult.found(Finding.PDF_ENCRYPTED);
            }
            // walk the page tree: the /Count in the catalogue alone may claim pages that are not there
            int pages = 0;
            for (PDPage ignored : pdf.getPages()) {
                pages++;
            }
            return pages == 0 ? new CheckResult(List.of(Finding.PDF_NO_PAGES), 0) : CheckResult.passed(pages);
        } catch (InvalidPasswordException e) {
            return CheckResult.found(Finding.PDF_ENCRYPTED);
        } catch (IOException | RuntimeException e) {
            return CheckResult.found(Finding.PDF_UNREADABLE);
        }
    }
}
