package tw.laborcloud.document.upload;

import java.time.Instant;

/**
 * What the applicant's browser keeps to refer to the upload in its registration or filing:
 * the id, and the ticket that goes with it, by which the receiving service knows the
 * upload without asking this one.
 */
record UploadReceipt(String uploadId, String ticket, String kind, String detectedType, long size, String sha256,
        Instant expiresAt) {

    static UploadReceipt of(Upload upload, String ticket) {
        return new UploadReceipt(upload.id(), ticket, upload.kind().name(), upload.contentType(), upload.size(),
                upload.sha256(), upload.expiresAt());
    }
}
