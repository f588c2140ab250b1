package tw.laborcloud.document.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tw.laborcloud.document.TestFiles;

class PdfCheckTests {

    @TempDir
    Path dir;

    private final PdfCheck check = new PdfCheck();

    @Test
    void aGoodPdfPassesWithItsPageCount() throws IOException {
        CheckResult result = check(TestFiles.pdf(3, "charter"));

        assertThat(result.findings()).isEmpty();
        assertThat(result.pages()).isEqualTo(3);
    }

    @Test
    void aPdfThatNeedsAPasswordIsEncrypted() throws IOException {
        assertThat(check(TestFiles.encryptedPdf("user-secret")).findings()).containsExactly(Finding.PDF_ENCRYPTED);
    }

    @Test
    void aPdfWithOwnerRestrictionsIsEncryptedToo() throws IOException {
        assertThat(check(TestFiles.encryptedPdf("")).findings()).containsExactly(Finding.PDF_ENCRYPTED);
    }

    @Test
    void aPdfWithoutPagesIsReported() throws IOException {
        CheckResult result = check(TestFiles.pdfWithoutPages());

        assertThat(result.findings()).containsExactly(Finding.PDF_NO_PAGES);
        assertThat(result.pages()).isZero();
    }

    @Test
    void somethingThatOnlyStartsLikeAPdfIsUnreadable() throws IOException {
        byte[] fake = "%PDF-1.7\nthis is not a PDF body at all\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(check(fake).findings()).containsExactly(Finding.PDF_UNREADABLE);
    }

    @Test
    void aCutOffPdfIsTruncatedWhetherOrNotItCanBeRepaired() throws IOException {
        assertThat(check(TestFiles.truncatedPdf()).findings()).containsExactly(Finding.PDF_TRUNCATED);
        byte[] cutOffGarbage = "%PDF-1.7\nthis is not a PDF body".getBytes(StandardCharsets.US_ASCII);
        assertThat(check(cutOffGarbage).findings()).containsExactly(Finding.PDF_TRUNCATED);
    }

    @Test
    void javaScriptIsFlaggedAndThePagesStillCounted() throws IOException {
        CheckResult result = check(TestFiles.pdfWithJavaScript());

        assertThat(result.findings()).containsExactly(Finding.PDF_JAVASCRIPT);
        assertThat(result.pages()).isOne();
    }

    @Test
    void javaScriptWrittenWithNameEscapesIsFoundToo() throws IOException {
        // "/S /JavaScript /JS (...)" spelled "/S /J#61vaScript /J#53 (...)": the parser decodes the
        // names, a search of the bytes would not find them
        String original = new String(uncompressed(TestFiles.pdfWithJavaScript()), StandardCharsets.ISO_8859_1);
        assertThat(original).contains("/JavaScript").containsPattern("/JS[\\s(]");
        byte[] escaped = original.replace("/JavaScript", "/J#61vaScript").replaceAll("/JS(?=[\\s(])", "/J#53")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(new String(escaped, StandardCharsets.ISO_8859_1)).doesNotContain("/JavaScript", "/JS ", "/JS(");

        assertThat(check(escaped).findings()).containsExactly(Finding.PDF_JAVASCRIPT);
    }

    @Test
    void embeddedFilesAreFlagged() throws IOException {
        assertThat(check(TestFiles.pdfWithEmbeddedFile()).findings()).containsExactly(Finding.PDF_EMBEDDED_FILES);
    }

    @Test
    void appliesToPdfOnly() {
        assertThat(check.appliesTo("application/pdf")).isTrue();
        assertThat(check.appliesTo("image/jpeg")).isFalse();
    }

    /** Saved without object streams, so that the dictionaries are plain text in the file. */
    private static byte[] uncompressed(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        }
    }

    private CheckResult check(byte[] content) throws IOException {
        return check.check(Files.write(Files.createTempFile(dir, "doc", ".bin"), content), "application/pdf");
    }
}
