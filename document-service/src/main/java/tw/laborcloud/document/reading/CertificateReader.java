package tw.laborcloud.document.reading;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tw.laborcloud.document.preview.PreviewRenderer;
import tw.laborcloud.document.reading.CertificateFields.Fields;
import tw.laborcloud.document.reading.CertificateFields.Found;
import tw.laborcloud.events.document.CertificateReading;
import tw.laborcloud.events.document.CertificateReading.Box;
import tw.laborcloud.events.document.CertificateReading.Match;
import tw.laborcloud.events.document.CertificateReading.Outcome;
import tw.laborcloud.events.document.CertificateReading.ReadText;
import tw.laborcloud.events.registration.UnionNames;

/**
 * Reads the registration certificate a union uploaded (立案證書: the image, or a PDF's first
 * page drawn at 150 dpi), straightened, with {@link Tesseract}, finds its number, the union's
 * name, the issuer and the date ({@link CertificateFields}) and compares them with the form
 * ({@link CertificateComparison}). Runs inside the document's time limit: the caller runs it
 * through {@link tw.laborcloud.document.verification.DocumentWork}, whose interrupt ends the
 * recogniser's process.
 */
@Component
public class CertificateReader {

    private static final Logger log = LoggerFactory.getLogger(CertificateReader.class);

    /** Why a certificate was not read (CertificateReading.notRead). */
    public static final String READER_UNAVAILABLE = "READER_UNAVAILABLE";
    public static final String TIMED_OUT = "TIMED_OUT";
    public static final String NOT_RENDERED = "NOT_RENDERED";
    public static final String FAILED = "FAILED";

    private final Tesseract tesseract;
    private final PreviewRenderer renderer;

    CertificateReader(Tesseract tesseract, PreviewRenderer renderer) {
        this.tesseract = tesseract;
        this.renderer = renderer;
    }

    /** The form's values a certificate is compared with: the account (the certificate number) and the union's name. */
    public record Form(String certificateNo, String unionName) {
    }

    public boolean available() {
        return tesseract.available();
    }

    /** Reads the certificate in the file and compares it with the form (null: nothing to compare with). */
    public CertificateReading read(Path file, String contentType, Form form) throws InterruptedException {
        long started = System.nanoTime();
        if (!tesseract.available()) {
            return CertificateReading.notRead(READER_UNAVAILABLE, 0);
        }
        Optional<BufferedImage> page = renderer.readingPage(file, contentType);
        if (page.isEmpty()) {
            return CertificateReading.notRead(NOT_RENDERED, millisSince(started));
        }
        try {
            return read(page.get(), form, started);
        } catch (IOException e) {
            log.warn("certificate {} could not be read: {}", file.getFileName(), e.getMessage());
            return CertificateReading.notRead(FAILED, millisSince(started));
        }
    }

    CertificateReading read(BufferedImage page, Form form, long started) throws IOException, InterruptedException {
        double degrees = Deskew.angle(page);
        BufferedImage straight = Deskew.straighten(page, degrees);
        Fields fields = CertificateFields.find(tesseract.lines(straight));

        String formNumber = form == null ? null : form.certificateNo();
        String formName = form == null ? null : form.unionName();
        String number = fields.number().map(Found::text).orElse(null);
        String second = null;
        if (number != null && !number.equals(formNumber)) {
            // another number than the form's: read its place again, enlarged and on its own, before saying so
            second = CertificateFields.digitRuns(tesseract.line(enlarged(straight, fields.number().get().box())));
        }
        String name = fields.name().map(Found::text).orElse(null);
        String issuer = fields.issuer().map(Found::text).orElse(null);
        Match nameMatch = CertificateComparison.name(name, fields.name().map(Found::confidence).orElse(0), formName);
        return new CertificateReading(Outcome.READ, null,
                text(fields.number(), degrees, page), text(fields.name(), degrees, page),
                text(fields.issuer(), degrees, page), text(fields.date(), degrees, page), fields.isoDate(),
                CertificateComparison.number(number, fields.framed(), second, formNumber), nameMatch,
                nameMatch == Match.SIMILAR || nameMatch == Match.DIFFERENT
                        ? CertificateComparison.edits(UnionNames.normalise(name), UnionNames.normalise(formName))
                        : List.of(),
                CertificateComparison.issuer(issuer), fields.confidence(), millisSince(started));
    }

    /**
     * The number's place, twice as large, with a margin: half a line above and below, a character and
     * a half to each side (the box is an estimate when the number shared its word with 第 and 號; what
     * of them comes into view adds a digit or two to the run at most, see CertificateComparison).
     */
    private static BufferedImage enlarged(BufferedImage page, Rectangle box) {
        int margin = box.height / 2;
        int side = box.height * 3 / 2;
        Rectangle area = new Rectangle(box.x - side, box.y - margin, box.width + 2 * side, box.height + 2 * margin)
                .intersection(new Rectangle(0, 0, page.getWidth(), page.getHeight()));
        BufferedImage crop = page.getSubimage(area.x, area.y, Math.max(1, area.width), Math.max(1, area.height));
        BufferedImage large = new BufferedImage(crop.getWidth() * 2, crop.getHeight() * 2, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = large.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(crop, 0, 0, large.getWidth(), large.getHeight(), null);
        g.dispose();
        return large;
    }

    private static ReadText text(Optional<Found> found, double degrees, BufferedImage page) {
        return found.map(f -> {
            Rectangle box = Deskew.onOriginal(f.box(), degrees, page.getWidth(), page.getHeight());
            double w = page.getWidth();
            double h = page.getHeight();
            return new ReadText(f.text(), f.confidence(),
                    new Box(round(Math.max(0, box.x / w)), round(Math.max(0, box.y / h)),
                            round(Math.min(1, box.width / w)), round(Math.min(1, box.height / h))));
        }).orElse(null);
    }

    private static double round(double fraction) {
        return Math.round(fraction * 10_000) / 10_000.0;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
