package tw.laborcloud.systemtests;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;


import tw.laborcloud.loadbench.BenchDocuments;
import tw.laborcloud.platform.test.SealImages;

/** Real documents made by the tests themselves: PDFs and seal images, each with its own content. */
final class TestFiles {

    private TestFiles() {
    }

    /** A two-page PDF with this title on each page: the same document ./bench uploads ({@link BenchDocuments}). */
    static byte[] pdf(String title) {
        return BenchDocuments.pdf(title);
    }

    /**
     * A seal image of {@code text} in the given format (jpg, png, bmp), 240 pixels square: drawn in strokes
     * ({@link SealImages}), never with a font, so that it is the same image on every machine.
     */
    static byte[] image(String text, String format) {
        BufferedImage image = new BufferedImage(240, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 240, 240);
        g.drawImage(SealImages.seal(text, text.hashCode()), 0, 0, 240, 240, null);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String name, byte[] content) {
        try {
            Files.createDirectories(dir);
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
