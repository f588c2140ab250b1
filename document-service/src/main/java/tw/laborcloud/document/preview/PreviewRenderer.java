package tw.laborcloud.document.preview;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tw.laborcloud.document.upload.ContentTypes;
import tw.laborcloud.document.upload.ImageHeader;
import tw.laborcloud.document.verification.Finding;
import tw.laborcloud.document.verification.Pdfs;

/**
 * Makes the PNG an officer looks at: the first page of a PDF, or the image itself, at most
 * {@value #MAX_SIDE} pixels on the long side. Memory stays bounded whatever the file
 * claims: a page is rendered straight at the preview size (never at print resolution and
 * then shrunk), images in it are subsampled while drawn, an image file is decoded with
 * subsampling to at most about 4 megapixels, and only a few previews are made at a time.
 * Rendering stops at the next drawing operator once its thread is interrupted, as
 * {@link tw.laborcloud.document.verification.DocumentWork} does when the time is up.
 */
@Component
public class PreviewRenderer {

    public static final int MAX_SIDE = 1200;
    /** Small pages (a seal on a 5 cm page) are not blown up beyond what a screen shows sharply. */
    static final float MAX_DPI = 150f;
    /** A page for text recognition: 150 dpi (body text of a printed A4 page 30–40 px high), at most 2400 px. */
    static final Size READING = new Size(2400, 150f);
    private static final Size PREVIEW = new Size(MAX_SIDE, MAX_DPI);
    private static final float POINTS_PER_INCH = 72f;
    private static final long DECODED_PIXELS = 4_000_000L;

    private final long maxPixels;
    private final Semaphore rendering;

    public PreviewRenderer(@Value("${laborcloud.documents.max-image-pixels:" + ImageHeader.DEFAULT_MAX_PIXELS + "}") long maxPixels,
            @Value("${laborcloud.documents.concurrent-previews:2}") int concurrentPreviews) {
        this.maxPixels = maxPixels;
        this.rendering = new Semaphore(concurrentPreviews, true);
    }

    /** A rendered preview: the PNG, its size in pixels, and the document's page count (PDF only). */
    public record Rendered(byte[] png, int width, int height, Integer pages) {
    }

    /**
     * The image, or a PDF's first page, as the preview shows it (at most {@value #MAX_SIDE}
     * pixels), for automatic comparisons; empty when the file cannot be rendered (its findings
     * say why).
     */
    public Optional<BufferedImage> firstPage(Path file, String contentType) {
        try {
            return Optional.ofNullable(ImageIO.read(new ByteArrayInputStream(render(file, contentType).png())));
        } catch (PreviewFailure | IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The image, or a PDF's first page, at the fixed resolution text is read at ({@link #READING}:
     * a PDF page at 150 dpi, an image as it is, both at most 2400 px on the long side); the
     * same limits on memory as a preview. Empty when the file cannot be rendered.
     */
    public Optional<BufferedImage> readingPage(Path file, String contentType) {
        try {
            return Optional.of(draw(file, contentType, READING).image());
        } catch (PreviewFailure e) {
            return Optional.empty();
        }
    }

    /** How large a page is drawn: at most so many pixels on the long side, a PDF at most so many dots per inch. */
    record Size(int maxSide, float maxDpi) {
    }

    /** A drawn page and the document's page count (PDF only). */
    private record Drawn(BufferedImage image, Integer pages) {
    }

    Rendered render(Path file, String contentType) throws PreviewFailure {
        Drawn drawn = draw(file, contentType, PREVIEW);
        return png(drawn.image(), drawn.pages());
    }

    private Drawn draw(Path file, String contentType, Size size) throws PreviewFailure {
        try {
            rendering.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PreviewFailure(Finding.CHECK_TIMED_OUT);
        }
        try {
            if (ContentTypes.isPdf(contentType)) {
                return renderPdf(file, size);
            }
            if (ContentTypes.isImage(contentType)) {
                return new Drawn(fit(decode(file), size.maxSide()), null);
            }
            throw new PreviewFailure(Finding.FILE_TYPE_NOT_ALLOWED);
        } finally {
            rendering.release();
        }
    }

    private Drawn renderPdf(Path file, Size size) throws PreviewFailure {
        try (PDDocument pdf = Pdfs.open(file)) {
            if (pdf.isEncrypted()) {
                throw new PreviewFailure(Finding.PDF_ENCRYPTED);
            }
            int pages = 0;
            PDPage first = null;
            for (PDPage page : pdf.getPages()) {
                first = first == null ? page : first;
                pages++;
            }
            if (first == null) {
                throw new PreviewFailure(Finding.PDF_NO_PAGES);
            }
            PDRectangle box = first.getCropBox();
            float longSide = Math.max(box.getWidth(), box.getHeight());
            if (!(longSide > 0) || Float.isInfinite(longSide)) {
                throw new PreviewFailure(Finding.PDF_UNREADABLE);
            }
            float scale = Math.min(size.maxDpi() / POINTS_PER_INCH, size.maxSide() / longSide);
            PDFRenderer renderer = new StoppableRenderer(pdf);
            renderer.setSubsamplingAllowed(true);
            return new Drawn(renderer.renderImage(0, scale, ImageType.RGB), pages);
        } catch (InvalidPasswordException e) {
            throw new PreviewFailure(Finding.PDF_ENCRYPTED);
        } catch (IOException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new PreviewFailure(Finding.CHECK_TIMED_OUT);
            }
            throw new PreviewFailure(truncated(file) ? Finding.PDF_TRUNCATED : Finding.PDF_UNREADABLE);
        }
    }

    /**
     * PDFBox has no way to cancel a page: this renderer's page drawer checks before each
     * operator whether its thread was interrupted, so that a page built to take minutes
     * (millions of operators, deep patterns) stops when its time is up.
     */
    private static final class StoppableRenderer extends PDFRenderer {

        StoppableRenderer(PDDocument pdf) {
            super(pdf);
        }

        @Override
        protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
            return new PageDrawer(parameters) {
                @Override
                protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedIOException("rendering stopped: the time for this document is up");
                    }
                    super.processOperator(operator, operands);
                }
            };
        }
    }

    private static boolean truncated(Path file) {
        try {
            return Pdfs.isTruncated(file);
        } catch (IOException e) {
            return false;
        }
    }

    private BufferedImage decode(Path file) throws PreviewFailure {
        ImageHeader header = ImageHeader.read(file).orElseThrow(() -> new PreviewFailure(Finding.IMAGE_UNREADABLE));
        if (header.exceeds(maxPixels)) {
            throw new PreviewFailure(Finding.IMAGE_TOO_LARGE);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new PreviewFailure(Finding.IMAGE_UNREADABLE);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) header.pixels() / DECODED_PIXELS)));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    throw new PreviewFailure(Finding.IMAGE_UNREADABLE);
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new PreviewFailure(Finding.IMAGE_UNREADABLE);
        }
    }

    /** Scales down to at most maxSide on the long side, halving step by step so detail is averaged, not dropped. */
    static BufferedImage fit(BufferedImage source, int maxSide) {
        int width = source.getWidth();
        int height = source.getHeight();
        double factor = Math.min(1.0, (double) maxSide / Math.max(width, height));
        int targetWidth = Math.max(1, (int) Math.round(width * factor));
        int targetHeight = Math.max(1, (int) Math.round(height * factor));
        BufferedImage current = source;
        do {
            width = Math.max(targetWidth, width / 2);
            height = Math.max(targetHeight, height / 2);
            current = draw(current, width, height);
        } while (width != targetWidth || height != targetHeight);
        return current;
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static Rendered png(BufferedImage image, Integer pages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Rendered(out.toByteArray(), image.getWidth(), image.getHeight(), pages);
    }
}
