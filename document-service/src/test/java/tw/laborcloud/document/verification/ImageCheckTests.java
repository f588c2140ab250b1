package tw.laborcloud.document.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tw.laborcloud.document.TestFiles;

class ImageCheckTests {

    @TempDir
    Path dir;

    private final ImageCheck check = new ImageCheck(50_000_000L);

    @Test
    void goodJpgAndBmpPass() throws IOException {
        assertThat(check.check(file(TestFiles.jpeg(640, 480, Color.RED))).findings()).isEmpty();
        assertThat(check.check(file(TestFiles.bmp(64, 48, Color.GREEN))).findings()).isEmpty();
    }

    @Test
    void aHeaderClaimingOverFiftyMegapixelsIsRefusedWithoutDecoding() throws IOException {
        // 8000 x 7000 = 56 MP declared in a file of a few bytes: decoding would need over 200 MB
        Path bomb = file(TestFiles.bmpHeaderClaiming(8000, 7000));

        assertThat(Files.size(bomb)).isLessThan(1024);
        assertThat(check.check(bomb).findings()).containsExactly(Finding.IMAGE_TOO_LARGE);
    }

    @Test
    void aHeaderClaimingMorePixelsThanTheFileHoldsIsUnreadable() throws IOException {
        assertThat(check.check(file(TestFiles.bmpHeaderClaiming(2000, 2000))).findings())
                .containsExactly(Finding.IMAGE_UNREADABLE);
    }

    @Test
    void aTruncatedJpegIsNotTakenAsGood() throws IOException {
        assertThat(check.check(file(TestFiles.truncatedJpeg())).findings())
                .containsAnyOf(Finding.IMAGE_DAMAGED, Finding.IMAGE_UNREADABLE);
    }

    @Test
    void bytesNoReaderUnderstandsAreUnreadable() throws IOException {
        byte[] jpegStartOnly = Arrays.copyOf(TestFiles.jpeg(10, 10, Color.BLACK), 3);

        assertThat(check.check(file(jpegStartOnly)).findings()).containsExactly(Finding.IMAGE_UNREADABLE);
        assertThat(check.check(file(new byte[] { 1, 2, 3, 4 })).findings()).containsExactly(Finding.IMAGE_UNREADABLE);
    }

    @Test
    void appliesToJpgAndBmp() {
        assertThat(check.appliesTo("image/jpeg")).isTrue();
        assertThat(check.appliesTo("image/bmp")).isTrue();
        assertThat(check.appliesTo("application/pdf")).isFalse();
    }

    private Path file(byte[] content) throws IOException {
        return Files.write(Files.createTempFile(dir, "img", ".bin"), content);
    }
}
