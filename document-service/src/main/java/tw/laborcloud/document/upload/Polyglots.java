package tw.laborcloud.document.upload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a second format in a file of an accepted type: a polyglot, which one program opens
 * as the harmless document while another opens it as an archive or a web page. The
 * signatures are those the other program itself relies on, so that random bytes in a
 * compressed image or PDF stream do not trip them:
 * <ul>
 * <li>ZIP (also JAR, DOCX, APK): a ZIP reader starts from the end-of-central-directory
 * record within the last 64 KB of the file; we accept it only if its comment length fits
 * the file and the central directory it describes starts with its own signature (or a
 * ZIP64 locator precedes it). A bare "PK\3\4" somewhere in 10 MB of compressed data would
 * appear by chance in about one file in 400.</li>
 * <li>HTML / script: what content sniffers look for, a tag such as {@code <script} or
 * {@code <html} in the first {@value #HEAD} bytes.</li>
 * <li>PDF inside another format: PDF readers accept "%PDF-" anywhere in the first 1024 bytes.</li>
 * </ul>
 */
public final class Polyglots {

    static final int HEAD = 1024;
    private static final int EOCD = 0x06054b50;
    private static final int CENTRAL_DIRECTORY = 0x02014b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int EOCD_SIZE = 22;
    private static final int MAX_COMMENT = 0xffff;
    private static final List<String> MARKUP = List.of("<script", "<html", "<!doctype html", "<iframe", "<svg",
            "<body", "<object", "<embed", "<?php");

    private Polyglots() {
    }

    /** The other format the file also is ("ZIP", "HTML", "PDF"), or empty. */
    public static Optional<String> secondFormat(Path file, String contentType) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            String head = new String(read(channel, 0, (int) Math.min(HEAD, channel.size())).array(),
                    StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            if (MARKUP.stream().anyMatch(head::contains)) {
                return Optional.of("HTML");
            }
            if (!ContentTypes.isPdf(contentType) && head.contains("%pdf-")) {
                return Optional.of("PDF");
            }
            return hasZipDirectory(channel) ? Optional.of("ZIP") : Optional.empty();
        }
    }

    private static boolean hasZipDirectory(FileChannel channel) throws IOException {
        long size = channel.size();
        int tailLength = (int) Math.min(size, EOCD_SIZE + MAX_COMMENT);
        long tailStart = size - tailLength;
        ByteBuffer tail = read(channel, tailStart, tailLength).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = tailLength - EOCD_SIZE; i >= 0; i--) {
            if (tail.getInt(i) != EOCD) {
                continue;
            }
            int commentLength = tail.getShort(i + 20) & 0xffff;
            if (i + EOCD_SIZE + commentLength > tailLength) {
                continue;
            }
            if (i >= 20 && tail.getInt(i - 20) == ZIP64_LOCATOR) {
                return true;
            }
            long directorySize = tail.getInt(i + 12) & 0xffffffffL;
            long directoryStart = tailStart + i - directorySize;
            // the central directory lies right before its end record, wherever the archive begins
            if (directorySize >= 4 && directoryStart >= 0 && signatureAt(channel, directoryStart) == CENTRAL_DIRECTORY) {
                return true;
            }
        }
        return false;
    }

    private static int signatureAt(FileChannel channel, long position) throws IOException {
        ByteBuffer four = read(channel, position, 4).order(ByteOrder.LITTLE_ENDIAN);
        return four.limit() == 4 ? four.getInt(0) : 0;
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.flip();
    }
}
