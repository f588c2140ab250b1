package tw.laborcloud.document.verification;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;

/** Opening a PDF the way every part of this service does, and telling a cut-off file. */
public final class Pdfs {

    /** PDF readers look for the end marker within the last 1024 bytes (PDF 1.7, Annex H). */
    private static final int TAIL = 1024;

    private Pdfs() {
    }

    /**
     * Opens the file without a password. PDFBox reads the file on demand, and decoded
     * streams go to temporary files rather than the heap, so a stream that inflates to
     * gigabytes cannot exhaust memory.
     */
    public static PDDocument open(Path file) throws IOException {
        return Loader.loadPDF(file.toFile(), "", IOUtils.createTempFileOnlyStreamCache());
    }

    /**
     * Whether the file ends as a PDF must, with "%%EOF". PDFBox repairs what it can and
     * opens most cut-off files, so this is how an interrupted upload or scan is told.
     */
    public static boolean isTruncated(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            int length = (int) Math.min(TAIL, channel.size());
            ByteBuffer tail = ByteBuffer.allocate(length);
            while (tail.hasRemaining() && channel.read(tail, channel.size() - length + tail.position()) >= 0) {
                // read the whole tail
            }
            return !new String(tail.array(), 0, tail.position(), StandardCharsets.ISO_8859_1).contains("%%EOF");
        }
    }
}
