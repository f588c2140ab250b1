package tw.laborcloud.document.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tw.laborcloud.document.TestFiles;

class ImageHeaderTests {

    @TempDir
    Path dir;

    @Test
    void readsTheSizeOfJpgAndBmp() throws IOException {
        assertThat(read(TestFiles.jpeg(640, 480, Color.RED))).contains(new ImageHeader(640, 480));
        assertThat(read(TestFiles.bmp(64, 48, Color.GREEN))).contains(new ImageHeader(64, 48));
    }

    @Test
    void readsWhatABmpHeaderClaimsHoweverLarge() throws IOException {
        Optional<ImageHeader> header = read(TestFiles.bmpHeaderClaiming(100_000, 100_000));

        assertThat(header).contains(new ImageHeader(100_000, 100_000));
        assertThat(header.get().pixels()).isEqualTo(10_000_000_000L);
        assertThat(header.get().exceeds(ImageHeader.DEFAULT_MAX_PIXELS)).isTrue();
    }

    @Test
    void readsWhatAJpegFrameHeaderClaims() throws IOException {
        assertThat(read(TestFiles.jpegHeaderClaiming(60_000, 50_000))).contains(new ImageHeader(60_000, 50_000));
    }

    @Test
    void aTopDownBmpHasItsHeightAsAPositiveNumber() throws IOException {
        byte[] bmp = TestFiles.bmp(30, 20, Color.BLUE);
        ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN).putInt(22, -20);

        assertThat(read(bmp)).contains(new ImageHeader(30, 20));
    }

    @Test
    void fiftyMegapixelsIsTheLimitItself() {
        assertThat(new ImageHeader(10_000, 5_000).exceeds(50_000_000L)).isFalse();
        assertThat(new ImageHeader(10_000, 5_001).exceeds(50_000_000L)).isTrue();
    }

    @Test
    void noHeaderNoSize() throws IOException {
        assertThat(read(new byte[] { 'B', 'M', 1, 2 })).isEmpty();
        assertThat(read(Arrays.copyOf(TestFiles.jpeg(10, 10, Color.BLACK), 3))).isEmpty();
        assertThat(read(TestFiles.pdf(1, "not an image"))).isEmpty();
        byte[] zeroWidth = TestFiles.bmp(4, 4, Color.RED);
        ByteBuffer.wrap(zeroWidth).order(ByteOrder.LITTLE_ENDIAN).putInt(18, 0);
        assertThat(read(zeroWidth)).isEmpty();
    }

    private Optional<ImageHeader> read(byte[] content) throws IOException {
        return ImageHeader.read(Files.write(Files.createTempFile(dir, "img", ".bin"), content));
    }
}
