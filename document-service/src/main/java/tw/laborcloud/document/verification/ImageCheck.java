package tw.laborcloud.document.verification;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * allocating anything.
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
                AtomicBoolean damaged = new AtomicBoolean();
                reader.addIIOReadWarningListener((IIOReadWarningListener) (source, warning) -> damaged.set(true));
                // every byte is still decoded; subsampling only limits what is kept in memory
                ImageReadParam param = reader.getDefaultReadParam();
                int step = subsampling(header.get(), DECODED_PIXELS);
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    return CheckResult.found(Finding.IMAGE_UNREADABLE);
                }
                return damaged.get() ? CheckResult.found(Finding.IMAGE_DAMAGED) : CheckResult.passed(null);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return CheckResult.found(Finding.IMAGE_UNREADABLE);
        }
    }

    /** The smallest step that keeps the decoded image within {@code pixels}. */
    static int subsampling(ImageHeader header, long pixels) {
        return (int) Math.max(1, Math.ceil(Math.sqrt((double) header.pixels() / pixels)));
    }
}
