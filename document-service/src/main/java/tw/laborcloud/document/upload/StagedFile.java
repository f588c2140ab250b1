package tw.laborcloud.document.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An upload copied to a temporary file while its bytes are counted and hashed, so it can
 * be checked before anything is stored, and so no upload is ever held in memory. The copy
 * stops as soon as the limit is passed. Closing it deletes the file.
 */
public final class StagedFile implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StagedFile.class);
    private static final int BUFFER = 64 * 1024;

    private final Path path;
    private final long size;
    private final boolean exceeded;
    private final String sha256;

    private StagedFile(Path path, long size, boolean exceeded, String sha256) {
        this.path = path;
        this.size = size;
        this.exceeded = exceeded;
        this.sha256 = sha256;
    }

    /**
     * Copies at most {@code maxBytes} (and a little more, to tell that the limit was passed)
     * from {@code in} to a new temporary file. The caller closes {@code in}.
     */
    public static StagedFile copyOf(InputStream in, long maxBytes) throws IOException {
        Path path = Files.createTempFile("upload-", ".part");
        try {
            MessageDigest digest = sha256Digest();
            long total = 0;
            byte[] buffer = new byte[BUFFER];
            try (OutputStream out = Files.newOutputStream(path)) {
                int read;
                while ((read = in.read(buffer)) != -1) {
                    total += read;
                    if (total > maxBytes) {
                        return new StagedFile(path, total, true, null);
                    }
                    digest.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            }
            return new StagedFile(path, total, false, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        }
    }

    static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public Path path() {
        return path;
    }

    /** Bytes read; when {@link #exceeded()}, only how far the copy got. */
    public long size() {
        return size;
    }

    /** The upload is larger than the limit; nothing else about it is known. */
    public boolean exceeded() {
        return exceeded;
    }

    /** Lower-case hex SHA-256 of the content; null when {@link #exceeded()}. */
    public String sha256() {
        return sha256;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // not worth failing the request for; the temp directory is cleaned by the OS
            log.warn("could not delete temporary upload {}: {}", path, e.toString());
        }
    }
}
