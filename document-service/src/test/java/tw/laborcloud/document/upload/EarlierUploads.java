package tw.laborcloud.document.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Files stored as the intake stored them before it refused their kind of content (e.g. a
 * locked PDF, which is refused now): the verification and the previews must still deal
 * with such uploads.
 */
public final class EarlierUploads {

    private EarlierUploads() {
    }

    /** Stages the file as an upload of {@code kind}, bypassing the intake's rules; returns its id. */
    public static String stage(Uploads uploads, String kind, String fileName, byte[] content) throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (StagedFile file = StagedFile.copyOf(new ByteArrayInputStream(content), Long.MAX_VALUE)) {
            return uploads.stage(file, DocumentKind.parse(kind).orElseThrow(), fileName,
                    ContentTypes.detect(file.path()), now, now.plus(Duration.ofHours(24))).id();
        }
    }
}
