package tw.laborcloud.document.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The dimensions an image declares in its header, read without decoding a single pixel,
 * so that a small file claiming a huge image (a decompression bomb) can be refused before
 * anything is allocated for it.
 */
public record ImageHeader(long width, long height) {

    /** 50 megapixels: room for an A4 page scanned at 600 dpi (35 MP) or an A3 page at 400 dpi (31 MP). */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    private static final int BMP_HEADER = 26;

    public long pixels() {
        return width * height;
    }

    public boolean exceeds(long maxPixels) {
        return pixels() > maxPixels;
    }

    /** The declared dimensions; empty when the header cannot be read or declares no pixels. */
    public static Optional<ImageHeader> read(Path file) {
        try {
            Optional<ImageHeader> bmp = readBmp(file);
            return bmp.isPresent() ? bmp : readWithImageIo(file);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * BMP is read by hand: the JDK's reader computes the pixel data size while reading the
     * header and gives up on a header like 100000 x 100000 before we could learn its size.
     */
    private static Optional<ImageHeader> readBmp(Path file) throws IOException {
        byte[] head = new byte[BMP_HEADER];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, BMP_HEADER);
        }
        if (read < 2 || head[0] != 'B' || head[1] != 'M') {
            return Optional.empty();
        }
        if (read < BMP_HEADER) {
            return Optional.empty();
        }
        ByteBuffer header = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        int infoSize = header.getInt(14);
        long width;
        long height;
        if (infoSize == 12) {
            // BITMAPCOREHEADER (OS/2): unsigned 16-bit sizes
            width = header.getShort(18) & 0xffff;
            height = header.getShort(20) & 0xffff;
        } else if (infoSize >= 40) {
            // BITMAPINFOHEADER and later: signed 32-bit, a negative height means top-down rows
            width = header.getInt(18);
            height = Math.abs((long) header.getInt(22));
        } else {
            return Optional.empty();
        }
        return width > 0 && height > 0 ? Optional.of(new ImageHeader(width, height)) : Optional.empty();
    }

    /** JPEG (and any other format ImageIO knows): the reader parses the frame header only. */
    private static Optional<ImageHeader> readWithImageIo(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                return width > 0 && height > 0 ? Optional.of(new ImageHeader(width, height)) : Optional.empty();
            } finally {
                reader.dispose();
            }
        }
    }
}
