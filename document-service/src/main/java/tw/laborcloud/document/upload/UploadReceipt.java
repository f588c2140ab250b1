package tw.laborcloud.document.upload;

import java.time.Instant;

/** What the applicant's browser keeps to refer to the upload in its registration. */
record UploadReceipt(String uploadId, String kind, String detectedType, long size, String sha256,
        Instant expiresAt) {

    static UploadReceipt of(Upload upload) {
        return new UploadReceipt(upload.id(), upload.kind().name(), upload.contentType(), upload.size(),
                upload.sha256(), upload.expiresAt());
    }
}
