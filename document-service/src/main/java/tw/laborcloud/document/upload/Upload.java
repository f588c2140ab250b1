package tw.laborcloud.document.upload;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * One uploaded file (document {@code uploads}); its bytes are in GridFS under
 * {@code gridFsId}. {@code contentType} is what the content was detected as, never what
 * the sender declared. {@code preview} is set once, when the preview is first asked for.
 */
@Document(Uploads.COLLECTION)
public record Upload(
        @Id String id,
        DocumentKind kind,
        String originalName,
        String contentType,
        long size,
        String sha256,
        String gridFsId,
        UploadStatus status,
        @Field(write = Field.Write.ALWAYS) String applicationId,
        Instant createdAt,
        Instant expiresAt,
        Instant claimedAt,
        UploadPreview preview) {

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
