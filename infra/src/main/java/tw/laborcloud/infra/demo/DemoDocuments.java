package tw.laborcloud.infra.demo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import tw.laborcloud.platform.test.SealImages;

/**
 * The files demo applicants upload: real PDFs and seal images that pass the document service's intake like any
 * other. Seals are drawn in strokes by {@link SealImages} (no font, the same on every machine); the one a union
 * uploads is a "scan" of its registered seal (turned a little, shifted, on off-white paper), so the officers' seal
 * comparison has something to find.
 */
final class DemoDocuments {

    private DemoDocuments() {
    }

    /** The seal as the register keeps it: a clean PNG. */
    static byte[] registeredSeal(DemoUnions.Union union) {
        return SealImages.png(seal(union));
    }

    /** The same seal stamped on a form and scanned, as the union uploads it (附件二). */
    static byte[] scannedSeal(DemoUnions.Union union) {
        BufferedImage scan = SealImages.scanned(seal(union), 2.5, 6, -4, 0.96, union.sealVariant());
        return SealImages.jpeg(scan);
    }

    /** The representative's personal seal (附件二之負責人印章), scanned as a JPEG: a small seal of a made-up name. */
    static byte[] representativeSeal(String representative, long variant) {
        return SealImages.jpeg(SealImages.onCanvas(SealImages.seal(representative + "印", variant), 240, 240));
    }

    /** A PDF of A4 pages with these lines (Latin script: the standard PDF fonts have no Chinese). */
    static byte[] pdf(List<String> lines) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.setLeading(18);
                content.newLineAtOffset(72, 770);
                for (String line : lines) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage seal(DemoUnions.Union union) {
        return SealImages.seal(union.name(), union.sealVariant());
    }
}
