package tw.laborcloud.document.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tw.laborcloud.document.TestFiles;

class PolyglotsTests {

    @TempDir
    Path dir;

    @Test
    void plainDocumentsAreOneFormat() throws IOException {
        assertThat(second(TestFiles.pdf(3, "charter"), ContentTypes.PDF)).isEmpty();
        assertThat(second(TestFiles.pdfWithEmbeddedFile(), ContentTypes.PDF)).isEmpty();
        assertThat(second(TestFiles.jpeg(400, 300, Color.RED), ContentTypes.JPEG)).isEmpty();
        assertThat(second(TestFiles.bmp(40, 30, Color.RED), ContentTypes.BMP)).isEmpty();
    }

    @Test
    void aZipAppendedToAPdfOrAJpegIsFound() throws IOException {
        assertThat(second(TestFiles.pdfZipPolyglot(), ContentTypes.PDF)).contains("ZIP");
        assertThat(second(TestFiles.jpegZipPolyglot(), ContentTypes.JPEG)).contains("ZIP");
    }

    @Test
    void aZipWithATrailingCommentThatHidesThePdfEndIsFound() throws IOException {
        // the trick that keeps both readers happy: the ZIP comment runs to the end of the file
        byte[] zip = TestFiles.zip("a.txt", "x");
        byte[] pdfTail = "\nstartxref\n0\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        zip[zip.length - 2] = (byte) pdfTail.length;
        zip[zip.length - 1] = 0;

        assertThat(second(TestFiles.concat(TestFiles.pdf(1, "x"), zip, pdfTail), ContentTypes.PDF)).contains("ZIP");
    }

    @Test
    void zipSignaturesThatDescribeNoArchiveAreIgnored() throws IOException {
        // an end-of-directory signature whose directory is not there, as random data might hold
        byte[] fake = TestFiles.concat(TestFiles.pdf(1, "x"), new byte[] { 'P', 'K', 5, 6, 0, 0, 0, 0, 1, 0, 1, 0,
                46, 0, 0, 0, 100, 0, 0, 0, 0, 0 });
        byte[] localHeaderOnly = TestFiles.concat(TestFiles.jpeg(50, 50, Color.BLUE), new byte[] { 'P', 'K', 3, 4 });

        assertThat(second(fake, ContentTypes.PDF)).isEmpty();
        assertThat(second(localHeaderOnly, ContentTypes.JPEG)).isEmpty();
    }

    @Test
    void randomBytesAreNotAPolyglot() throws IOException {
        byte[] noise = new byte[2 * 1024 * 1024];
        new Random(42).nextBytes(noise);

        assertThat(second(TestFiles.concat(TestFiles.jpeg(20, 20, Color.RED), noise), ContentTypes.JPEG)).isEmpty();
    }

    @Test
    void markupInTheHeadIsFound() throws IOException {
        assertThat(second(TestFiles.jpegWithHtmlComment(), ContentTypes.JPEG)).contains("HTML");
        byte[] phpInBmp = TestFiles.bmp(40, 40, Color.RED);
        System.arraycopy("<?php echo 1; ?>".getBytes(StandardCharsets.US_ASCII), 0, phpInBmp, 60, 16);
        assertThat(second(phpInBmp, ContentTypes.BMP)).contains("HTML");
    }

    @Test
    void aPdfHeaderInsideAnImageIsFound() throws IOException {
        byte[] jpeg = TestFiles.jpeg(40, 40, Color.RED);
        byte[] withPdf = TestFiles.concat(java.util.Arrays.copyOf(jpeg, 2),
                new byte[] { (byte) 0xFF, (byte) 0xFE, 0, 10 }, "%PDF-1.7".getBytes(StandardCharsets.US_ASCII),
                java.util.Arrays.copyOfRange(jpeg, 2, jpeg.length));

        assertThat(second(withPdf, ContentTypes.JPEG)).contains("PDF");
    }

    private Optional<String> second(byte[] content, String type) throws IOException {
        return Polyglots.secondFormat(Files.write(Files.createTempFile(dir, "f", ".bin"), content), type);
    }
}
