package tw.laborcloud.document.verification;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tw.laborcloud.document.upload.ContentTypes;

/**
 * Decodes a JPG or BMP completely. The dimensions come from the header first, so a
 * small file that declares a huge image (a decompression bomb) is refused without
 * allocating anything.
 */
@Component
class ImageCheck implements ContentCheck {

    /** Decoding at most about this many pixels keeps a 50-megapixel scan within a few MB of heap. */
    private static final long DECODED_PIXELS = 4_000_000L;

    private final long maxPixels;

    ImageCheck(@Value("${laborcloud.documents.max-image-pixels:50000000}") long maxPixels) {
        this.maxPixels = maxPixels;
    }

    @Override
    public boolean appliesTo(String contentType) {
        return ContentTypes.isImage(contentType);
    }

    @Override
    public CheckResult check(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return CheckResult.found(Finding.IMAGE_UNREADABLE);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    return CheckResult.found(Finding.IMAGE_UNREADABLE);
                }
                if (width * height > maxPixels) {
                    return CheckResult.found(Finding.IMAGE_TOO_LARGE);
                }
                AtomicBoolean damaged = new AtomicBoolean();
                reader.addIIOReadWarningListener((IIOReadWarningListener) (source, warning) -> damaged.set(true));
                // every byte is still decoded; subsampling only limits what is kept in memory
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) (width * height) / DECODED_PIXELS)));
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
}
