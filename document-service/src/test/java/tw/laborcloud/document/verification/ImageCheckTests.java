package tw.laborcloud.document.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tw.laborcloud.document.TestFiles;
import tw.laborcloud.document.upload.ImageHeader;

class ImageCheckTests {

    @TempDir
    Path dir;

    private final ImageCheck check = new ImageCheck(50_000_000L);

    @Test
    void goodJpgAndBmpPass() throws IOException {
        assertThat(findings(TestFiles.jpeg(640, 480, Color.RED), "image/jpeg")).isEmpty();
        assertThat(findings(TestFiles.bmp(64, 48, Color.GREEN), "image/bmp")).isEmpty();
    }

    @Test
    void aHeaderClaimingOverFiftyMegapixelsIsReportedWithoutDecoding() throws IOException {
        // 8000 x 7000 = 56 MP declared in a file of a few bytes: decoding would need over 200 MB
        byte[] bomb = TestFiles.bmpHeaderClaiming(8000, 7000);

        assertThat(bomb.length).isLessThan(1024);
        assertThat(findings(bomb, "image/bmp")).containsExactly(Finding.IMAGE_TOO_LARGE);
        // the JDK's own BMP reader gives up on this header; ours still reads its size
        assertThat(findings(TestFiles.bmpHeaderClaiming(100_000, 100_000), "image/bmp"))
                .containsExactly(Finding.IMAGE_TOO_LARGE);
    }

    @Test
    void aHeaderClaimingMorePixelsThanTheFileHoldsIsTruncated() throws IOException {
        assertThat(findings(TestFiles.bmpHeaderClaiming(2000, 2000), "image/bmp"))
                .containsExactly(Finding.IMAGE_TRUNCATED);
        assertThat(findings(TestFiles.truncatedBmp(), "image/bmp")).containsExactly(Finding.IMAGE_TRUNCATED);
    }

    @Test
    void aJpegWhoseDataStopsHalfWayIsTruncated() throws IOException {
        assertThat(findings(TestFiles.truncatedJpeg(), "image/jpeg")).containsExactly(Finding.IMAGE_TRUNCATED);
    }

    @Test
    void onlyTheDecodersWordsForAMissingEndMeanTruncation() {
        assertThat(ImageCheck.truncation("Premature end of JPEG file")).isTrue();
        assertThat(ImageCheck.truncation("Corrupt JPEG data: premature end of data segment")).isTrue();
        assertThat(ImageCheck.truncation("Truncated File - Missing EOI marker")).isTrue();
        // what many cameras cause, and what shows perfectly well
        assertThat(ImageCheck.truncation("Corrupt JPEG data: 2 extraneous bytes before marker 0xd9")).isFalse();
    }

    @Test
    void bytesNoReaderUnderstandsAreUnreadable() throws IOException {
        byte[] jpegStartOnly = Arrays.copyOf(TestFiles.jpeg(10, 10, Color.BLACK), 3);

        assertThat(findings(jpegStartOnly, "image/jpeg")).containsExactly(Finding.IMAGE_UNREADABLE);
        assertThat(findings(new byte[] { 1, 2, 3, 4 }, "image/jpeg")).containsExactly(Finding.IMAGE_UNREADABLE);
    }

    @Test
    void subsamplingKeepsTheDecodedImageWithinTheBudget() {
        assertThat(ImageCheck.subsampling(new ImageHeader(1000, 1000), ImageCheck.DECODED_PIXELS)).isOne();
        int step = ImageCheck.subsampling(new ImageHeader(7000, 7000), ImageCheck.DECODED_PIXELS);
        assertThat((7000L / step) * (7000L / step)).isLessThanOrEqualTo(ImageCheck.DECODED_PIXELS);
    }

    @Test
    void appliesToJpgAndBmp() {
        assertThat(check.appliesTo("image/jpeg")).isTrue();
        assertThat(check.appliesTo("image/bmp")).isTrue();
        assertThat(check.appliesTo("application/pdf")).isFalse();
    }

    private List<Finding> findings(byte[] content, String type) throws IOException {
        return check.check(Files.write(Files.createTempFile(dir, "img", ".bin"), content), type).findings();
    }
}
