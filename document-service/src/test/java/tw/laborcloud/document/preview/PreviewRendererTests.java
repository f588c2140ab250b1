package tw.laborcloud.document.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tw.laborcloud.document.TestFiles;
import tw.laborcloud.document.verification.Finding;

class PreviewRendererTests {

    @TempDir
    Path dir;

    private final PreviewRenderer renderer = new PreviewRenderer(50_000_000L, 2);

    @Test
    void theFirstPageOfAPdfFitsTheLongSide() throws Exception {
        // PDFBox's default page is US Letter, 612 x 792 pt
        PreviewRenderer.Rendered rendered = render(TestFiles.pdf(3, "charter"), "application/pdf");

        BufferedImage image = decode(rendered);
        assertThat(rendered.pages()).isEqualTo(3);
        assertThat(image.getHeight()).isBetween(PreviewRenderer.MAX_SIDE - 1, PreviewRenderer.MAX_SIDE);
        assertThat(image.getWidth()).isEqualTo(rendered.width()).isBetween(925, 928);
        // the text line is drawn: the page is not blank
        assertThat(hasDarkPixel(image)).isTrue();
    }

    @Test
    void aLargeImageIsScaledDownKeepingItsShape() throws Exception {
        PreviewRenderer.Rendered rendered = render(TestFiles.jpeg(3000, 2000, Color.RED), "image/jpeg");

        BufferedImage image = decode(rendered);
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(800);
        assertThat(rendered.pages()).isNull();
        assertThat(new Color(image.getRGB(10, 10)).getRed()).isGreaterThan(200);
    }

    @Test
    void aSmallImageIsNotBlownUp() throws Exception {
        BufferedImage image = decode(render(TestFiles.bmp(120, 80, Color.BLUE), "image/bmp"));

        assertThat(image.getWidth()).isEqualTo(120);
        assertThat(image.getHeight()).isEqualTo(80);
    }

    @Test
    void documentsThatCannotBeRenderedNameTheirFinding() {
        assertFailure(TestFiles.encryptedPdf("secret"), "application/pdf", Finding.PDF_ENCRYPTED);
        assertFailure(TestFiles.encryptedPdf(""), "application/pdf", Finding.PDF_ENCRYPTED);
        assertFailure(TestFiles.pdfWithoutPages(), "application/pdf", Finding.PDF_NO_PAGES);
        assertFailure("%PDF-1.7\nnothing\n%%EOF".getBytes(), "application/pdf", Finding.PDF_UNREADABLE);
        assertFailure(TestFiles.bmpHeaderClaiming(100_000, 100_000), "image/bmp", Finding.IMAGE_TOO_LARGE);
        assertFailure(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }, "image/jpeg", Finding.IMAGE_UNREADABLE);
    }

    @Test
    void fitHalvesStepByStepToTheExactTarget() {
        BufferedImage fitted = PreviewRenderer.fit(new BufferedImage(5000, 1000, BufferedImage.TYPE_INT_RGB), 1200);

        assertThat(fitted.getWidth()).isEqualTo(1200);
        assertThat(fitted.getHeight()).isEqualTo(240);
    }

    private void assertFailure(byte[] content, String type, Finding finding) {
        assertThatThrownBy(() -> render(content, type)).isInstanceOf(PreviewFailure.class)
                .extracting(e -> ((PreviewFailure) e).finding()).isEqualTo(finding);
    }

    private PreviewRenderer.Rendered render(byte[] content, String type) throws IOException, PreviewFailure {
        return renderer.render(Files.write(Files.createTempFile(dir, "doc", ".bin"), content), type);
    }

    private static BufferedImage decode(PreviewRenderer.Rendered rendered) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(rendered.png()));
        assertThat(image).as("a PNG").isNotNull();
        assertThat(Math.max(image.getWidth(), image.getHeight())).isLessThanOrEqualTo(PreviewRenderer.MAX_SIDE);
        return image;
    }

    private static boolean hasDarkPixel(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if (new Color(image.getRGB(x, y)).getRed() < 100) {
                    return true;
                }
            }
        }
        return false;
    }
}
