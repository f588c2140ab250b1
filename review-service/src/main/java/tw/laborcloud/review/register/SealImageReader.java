package tw.laborcloud.review.register;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import tw.laborcloud.seal.SealSimilarity;

/**
 * Reads seal images safely: the format is taken from the content (not the file name), and
 * the dimensions from the header before any pixel is decoded, so a small file claiming to
 * be a huge image cannot exhaust the memory.
 */
final class SealImageReader {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_SIDE = 4000;
    private static final Map<String, String> FORMATS = Map.of("png", "image/png", "jpeg", "image/jpeg",
            "bmp", "image/bmp");

    /** An image that is not a usable seal, with the reason in the officer's words. */
    static final class UnusableImage extends Exception {
        UnusableImage(String message) {
            super(message);
        }
    }

    record Decoded(BufferedImage image, String contentType) {
    }

    private SealImageReader() {
    }

    static RegisteredUnion.Seal seal(byte[] bytes) throws UnusableImage {
        Decoded decoded = decode(bytes, MAX_BYTES);
        String imprint;
        try {
            imprint = SealSimilarity.imprint(decoded.image());
        } catch (IllegalArgumentException noInk) {
            throw new UnusableImage("影像中沒有可辨識的印文（空白或對比不足）");
        }
        return new RegisteredUnion.Seal(bytes, decoded.contentType(), sha256(bytes), decoded.image().getWidth(),
                decoded.image().getHeight(), imprint);
    }

    private static Decoded decode(byte[] bytes, int maxBytes) throws UnusableImage {
        if (bytes == null || bytes.length == 0) {
            throw new UnusableImage("檔案是空的");
        }
        if (bytes.length > maxBytes) {
            throw new UnusableImage("影像最大 " + maxBytes / 1024 / 1024 + " MB");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                throw new UnusableImage("不是 PNG、JPG 或 BMP 影像");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                String contentType = FORMATS.get("jpg".equals(format) ? "jpeg" : format);
                if (contentType == null) {
                    throw new UnusableImage("不是 PNG、JPG 或 BMP 影像（讀到 " + format + "）");
                }
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_SIDE || height > MAX_SIDE) {
                    throw new UnusableImage("影像 " + width + "×" + height + " 過大，長寬最多 " + MAX_SIDE + " 像素");
                }
                BufferedImage image = reader.read(0);
                return new Decoded(image, contentType);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new UnusableImage("影像無法讀取（檔案可能損毀）");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
