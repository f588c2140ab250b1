package tw.laborcloud.document.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tw.laborcloud.document.TestFiles;

class PdfCheckTests {

    @TempDir
    Path dir;

    private final PdfCheck check = new PdfCheck();

    @Test
    void aGoodPdfPassesWithItsPageCount() throws IOException {
        CheckResult result = check.check(file(TestFiles.pdf(3, "charter")));

        assertThat(result.findings()).isEmpty();
        assertThat(result.pages()).isEqualTo(3);
    }

    @Test
    void aPdfThatNeedsAPasswordIsEncrypted() throws IOException {
        assertThat(check.check(file(TestFiles.encryptedPdf("user-secret"))).findings())
                .containsExactly(Finding.PDF_ENCRYPTED);
    }

    @Test
    void aPdfWithOwnerRestrictionsIsEncryptedToo() throws IOException {
        assertThat(check.check(file(TestFiles.encryptedPdf(""))).findings()).containsExactly(Finding.PDF_ENCRYPTED);
    }

    @Test
    void aPdfWithoutPagesIsReported() throws IOException {
        CheckResult result = check.check(file(TestFiles.pdfWithoutPages()));

        assertThat(result.findings()).containsExactly(Finding.PDF_NO_PAGES);
        assertThat(result.pages()).isZero();
    }

    @Test
    void somethingThatOnlyStartsLikeAPdfIsUnreadable() throws IOException {
        byte[] fake = "%PDF-1.7\nthis is not a PDF body at all\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(check.check(file(fake)).findings()).containsExactly(Finding.PDF_UNREADABLE);
    }

    @Test
    void appliesToPdfOnly() {
        assertThat(check.appliesTo("application/pdf")).isTrue();
        assertThat(check.appliesTo("image/jpeg")).isFalse();
    }

    private Path file(byte[] content) throws IOException {
        return Files.write(Files.createTempFile(dir, "doc", ".bin"), content);
    }
}
