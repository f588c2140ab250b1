package tw.laborcloud.document.access;

import java.time.Instant;
import java.util.List;

/**
 * What the review UI shows beside a document. {@code findings}, {@code verdict} and
 * {@code verifiedRound} are those of the latest verification that included the document,
 * absent before any; {@code pages} comes from the verification or the preview (PDF only).
 */
record DocumentMetadata(
        String uploadId,
        String kind,
        String kindLabel,
        String detectedType,
        long size,
        Integer pages,
        String sha256,
        String fileName,
        String status,
        Instant uploadedAt,
        String applicationId,
        Integer verifiedRound,
        String verdict,
        List<String> findings) {
}
