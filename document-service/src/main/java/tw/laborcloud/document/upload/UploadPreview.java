package tw.laborcloud.document.upload;

import java.time.Instant;

/**
 * The cached preview of an upload (in the GridFS bucket {@code previews}), or, when the
 * document cannot be rendered, the finding that says why, so a bad file is tried once.
 */
public record UploadPreview(String gridFsId, int width, int height, Integer pages, String failure, Instant madeAt) {

    public static UploadPreview made(String gridFsId, int width, int height, Integer pages, Instant madeAt) {
        return new UploadPreview(gridFsId, width, height, pages, null, madeAt);
    }

    public static UploadPreview failed(String failure, Instant madeAt) {
        return new UploadPreview(null, 0, 0, null, failure, madeAt);
    }

    public boolean isFailure() {
        return failure != null;
    }
}
