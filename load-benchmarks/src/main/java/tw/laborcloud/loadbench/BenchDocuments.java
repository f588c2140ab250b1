package tw.laborcloud.loadbench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Random;

import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The files a benchmark uploads, made once per run and the same for every registration (the
 * system refuses the same file twice within one application, not across applications): the
 * charter and the certificate as PDFs, the union seal as a JPEG, the representative's seal as a
 * BMP, about 0.5 MB in all, as a scanner would give them; and a PDF just under the 10 MB limit.
 * Drawn in strokes, never with a system font, so that they are the same on every machine.
 */
public final class BenchDocuments {

    /** The largest upload the system takes is 10 MiB; this one stays just below it. */
    public static final int LARGE_BYTES = 10_000_000;

    private BenchDocuments() {
    }

    public static byte[] pdf(String title) {
        return pdf(title, 0);
    }

    /** A two-page PDF with this title, padded with {@code paddingBytes} of incompressible data. */
    public static byte[] pdf(String title, int paddingBytes) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < 2; i++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                    content.newLineAtOffset(72, 700);
                    content.showText(title + " - page " + (i + 1));
                    content.endText();
                }
            }
            if (paddingBytes > 0) {
                COSStream padding = document.getDocument().createCOSStream();
                try (OutputStream raw = padding.createRawOutputStream()) {
                    byte[] noise = new byte[paddingBytes];
                    new Random(paddingBytes).nextBytes(noise);
                    raw.write(noise);
                }
                document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("BenchPadding"), padding);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The large upload: a valid PDF of {@link #LARGE_BYTES} minus a few kilobytes. */
    public static byte[] largePdf() {
        return pdf("Large upload", LARGE_BYTES - 8 * 1024);
    }

    /** A round seal in red strokes on a speckled scan, {@code size} pixels square, in this format (jpg, bmp). */
    public static byte[] seal(long seed, int size, String format) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int grey = 235 + random.nextInt(20);
                image.setRGB(x, y, grey << 16 | grey << 8 | grey);
            }
        }
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 30, 30));
        g.setStroke(new BasicStroke(size / 40f));
        int margin = size / 10;
        g.draw(new Ellipse2D.Double(margin, margin, size - 2 * margin, size - 2 * margin));
        for (int i = 0; i < 12; i++) {
            int x1 = margin * 2 + random.nextInt(size - 4 * margin);
            int y1 = margin * 2 + random.nextInt(size - 4 * margin);
            g.drawLine(x1, y1, x1 + random.nextInt(margin * 2), y1 + random.nextInt(margin * 2));
        }
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalArgumentException("no image writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The four documents of one registration (附件一 to 附件四), made once. */
    public record RegistrationFiles(byte[] charter, byte[] certificate, byte[] unionSeal, byte[] representativeSeal) {

        public static final RegistrationFiles INSTANCE = new RegistrationFiles(pdf("Charter of the benchmark union"),
                pdf("Registration certificate of the benchmark union"), seal(1, 400, "jpg"), seal(2, 360, "bmp"));

        public long totalBytes() {
            return (long) charter.length + certificate.length + unionSeal.length + representativeSeal.length;
        }
    }
}
