package tw.laborcloud.document.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import tw.laborcloud.document.GeneratedContent;
import tw.laborcloud.document.TestFiles;

class StagedFileTests {

    private static final long LIMIT = DocumentKind.MAX_BYTES;
    private static final byte[] HEAD = TestFiles.pdf(1, "head");

    @Test
    void exactlyTheLimitIsAcceptedAndHashedWhileCopied() throws Exception {
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        try (InputStream same = new DigestInputStream(new GeneratedContent(HEAD, LIMIT), expected)) {
            same.transferTo(OutputStream.nullOutputStream());
        }
        try (StagedFile staged = StagedFile.copyOf(new GeneratedContent(HEAD, LIMIT), LIMIT)) {
            assertThat(staged.exceeded()).isFalse();
            assertThat(staged.size()).isEqualTo(LIMIT);
            assertThat(Files.size(staged.path())).isEqualTo(LIMIT);
            assertThat(staged.sha256()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
        }
    }

    @Test
    void oneByteOverTheLimitIsRefused() throws Exception {
        try (StagedFile staged = StagedFile.copyOf(new GeneratedContent(HEAD, LIMIT + 1), LIMIT)) {
            assertThat(staged.exceeded()).isTrue();
            assertThat(staged.sha256()).isNull();
        }
    }

    @Test
    void anEndlessUploadIsCutOffSoonAfterTheLimit() throws Exception {
        GeneratedContent endless = new GeneratedContent(HEAD, Long.MAX_VALUE);
        try (StagedFile staged = StagedFile.copyOf(endless, LIMIT)) {
            assertThat(staged.exceeded()).isTrue();
            assertThat(endless.served()).isLessThan(LIMIT + 128 * 1024);
        }
    }

    @Test
    void theTemporaryCopyIsDeletedOnClose() throws IOException {
        byte[] pdf = TestFiles.pdf(1, "x");
        Path path;
        try (StagedFile staged = StagedFile.copyOf(new ByteArrayInputStream(pdf), LIMIT)) {
            path = staged.path();
            assertThat(Files.readAllBytes(path)).isEqualTo(pdf);
            assertThat(staged.sha256()).isEqualTo(TestFiles.sha256(pdf));
        }
        assertThat(path).doesNotExist();
    }

    @Test
    void anEmptyUploadHasSizeZero() throws IOException {
        try (StagedFile staged = StagedFile.copyOf(InputStream.nullInputStream(), LIMIT)) {
            assertThat(staged.size()).isZero();
            assertThat(staged.exceeded()).isFalse();
        }
    }
}
