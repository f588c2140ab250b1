package tw.laborcloud.document.verification;

import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tw.laborcloud.document.upload.ContentTypes;
import tw.laborcloud.document.upload.ImageHeader;

/**
 * Decodes a JPG or BMP completely. The dimensions come from the header first, so a
 * small file that declares a huge image (a decompression bomb) is reported without
 * allocating anything. Data that ends before the declared pixels (the JPEG decoder warns
 * of the premature end, the BMP reader runs out of bytes) is told apart from other damage:
 * such a file cannot be used, while many cameras write JPEGs the decoder warns about and
 * that show perfectly well.
 */
@Component
class ImageCheck implements ContentCheck {

    /** Decoding at most about this many pixels keeps a 50-megapixel scan within a few MB of heap. */
    static final long DECODED_PIXELS = 4_000_000L;

    private final long maxPixels;

    ImageCheck(@Value("${laborcloud.documents.max-image-pixels:" + ImageHeader.DEFAULT_MAX_PIXELS + "}") long maxPixels) {
        this.maxPixels = maxPixels;
    }

    @Override
    public boolean appliesTo(String contentType) {
        return ContentTypes.isImage(contentType);
    }

    @Override
    public CheckResult check(Path file, String contentType) {
        Optional<ImageHeader> header = ImageHeader.read(file);
        if (header.isEmpty()) {
            return CheckResult.found(Finding.IMAGE_UNREADABLE);
        }
        if (header.get().exceeds(maxPixels)) {
            return CheckResult.found(Finding.IMAGE_TOO_LARGE);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return CheckResult.found(Finding.IMAGE_UNREADABLE);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                AtomicReference<Finding> damage = new AtomicReference<>();
                reader.addIIOReadWarningListener((IIOReadWarningListener) (source, warning) -> damage
                        .accumulateAndGet(truncation(warning) ? Finding.IMAGE_TRUNCATED : Finding.IMAGE_DAMAGED,
                                (before, now) -> before == Finding.IMAGE_TRUNCATED ? before : now));
                // every byte is still decoded; subsampling only limits what is kept in memory
                ImageReadParam param = reader.getDefaultReadParam();
                int step = subsampling(header.get(), DECODED_PIXELS);
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    return CheckResult.found(Finding.IMAGE_UNREADABLE);
                }
                return damage.get() != null ? CheckResult.found(damage.get()) : CheckResult.passed(null);
            } finally {
                reader.dispose();
            }
        } catch (EOFException truncated) {
            return CheckResult.found(Finding.IMAGE_TRUNCATED);
        } catch (IOException | RuntimeException e) {
            return CheckResult.found(Finding.IMAGE_UNREADABLE);
        }
    }

    /**
     * The JDK's JPEG decoder (libjpeg) names a missing end "Premature end of JPEG file",
     * "Corrupt JPEG data: premature end of data segment" or "Truncated File - Missing EOI marker".
     */
    static boolean truncation(String warning) {
        String text = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
        return text.contains("premature end") || text.contains("truncated") || text.contains("missing eoi");
    }

    /** The smallest step that keeps the decoded image within {@code pixels}. */
    static int subsampling(ImageHeader header, long pixels) {
        return (int) Math.max(1, Math.ceil(Math.sqrt((double) header.pixels() / pixels)));
    }
}
