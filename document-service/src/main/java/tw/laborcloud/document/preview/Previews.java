package tw.laborcloud.document.preview;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import tw.laborcloud.document.upload.DocumentNotFound;
import tw.laborcloud.document.upload.StagedFile;
import tw.laborcloud.document.upload.Upload;
import tw.laborcloud.document.upload.UploadPreview;
import tw.laborcloud.document.upload.Uploads;
import tw.laborcloud.document.verification.DocumentWork;
import tw.laborcloud.document.verification.Finding;
import tw.laborcloud.platform.web.ApiException;

/**
 * The preview of an upload, made on the first request and kept (the PNG in GridFS, or the
 * reason it cannot be made) so that every later request is a plain read. Rendering runs
 * within the time limit per document ({@link DocumentWork}); running over it is answered,
 * not kept.
 */
@Service
public class Previews {

    private static final Logger log = LoggerFactory.getLogger(Previews.class);

    private static final Map<Finding, String> REASONS = Map.of(
            Finding.PDF_ENCRYPTED, "此 PDF 已加密或設有使用限制，無法產生預覽，請下載原始檔查看。",
            Finding.PDF_UNREADABLE, "此 PDF 無法開啟，無法產生預覽。",
            Finding.PDF_TRUNCATED, "此 PDF 不完整（檔案在結尾前中斷），無法產生預覽。",
            Finding.PDF_NO_PAGES, "此 PDF 沒有任何頁面，無法產生預覽。",
            Finding.IMAGE_UNREADABLE, "此圖片無法解碼，無法產生預覽。",
            Finding.IMAGE_TOO_LARGE, "此圖片的像素數超過上限，無法產生預覽。",
            Finding.FILE_TYPE_NOT_ALLOWED, "此檔案格式無法產生預覽。",
            Finding.CHECK_TIMED_OUT, "此文件處理時間過長，無法在時限內產生預覽，請下載原始檔查看。");

    private final Uploads uploads;
    private final PreviewRenderer renderer;
    private final DocumentWork work;
    private final Clock clock;

    Previews(Uploads uploads, PreviewRenderer renderer, DocumentWork work, Clock clock) {
        this.uploads = uploads;
        this.renderer = renderer;
        this.work = work;
        this.clock = clock;
    }

    /** The PNG with what is known about it; a document that cannot be rendered is a 422 naming the finding. */
    public Preview of(Upload upload) throws IOException {
        UploadPreview cached = upload.preview();
        if (cached != null) {
            if (cached.isFailure()) {
                throw unprocessable(cached.failure());
            }
            Optional<GridFsResource> image = uploads.previewContent(cached);
            if (image.isPresent()) {
                return new Preview(image.get(), cached.width(), cached.height(), cached.pages());
            }
            log.warn("preview {} of upload {} is gone; rendering it again", cached.gridFsId(), upload.id());
        }
        GridFsResource original = uploads.content(upload).orElseThrow(DocumentNotFound::problem);
        PreviewRenderer.Rendered rendered;
        try (InputStream in = original.getInputStream(); StagedFile copy = StagedFile.copyOf(in, Long.MAX_VALUE)) {
            rendered = work.run(() -> renderer.render(copy.path(), upload.contentType()));
        } catch (DocumentWork.TimedOut timedOut) {
            // not kept: the next request may find the service less busy
            log.warn("no preview for upload {}: rendering took longer than {}", upload.id(), work.timeout());
            throw unprocessable(Finding.CHECK_TIMED_OUT.name());
        } catch (PreviewFailure failure) {
            log.info("no preview for upload {}: {}", upload.id(), failure.finding());
            if (cached == null && failure.finding() != Finding.CHECK_TIMED_OUT) {
                uploads.recordPreview(upload, UploadPreview.failed(failure.finding().name(), clock.instant()), null);
            }
            throw unprocessable(failure.finding().name());
        }
        if (cached == null) {
            uploads.recordPreview(upload, UploadPreview.made(null, rendered.width(), rendered.height(),
                    rendered.pages(), clock.instant()), rendered.png());
            log.info("made the preview of upload {} ({} x {} px)", upload.id(), rendered.width(), rendered.height());
        }
        return new Preview(new ByteArrayResource(rendered.png()), rendered.width(), rendered.height(),
                rendered.pages());
    }

    /** A preview image and the page count of its document (null for an image). */
    public record Preview(Resource image, int width, int height, Integer pages) {
    }

    private static ApiException unprocessable(String findingName) {
        String reason = Arrays.stream(Finding.values()).filter(f -> f.name().equals(findingName)).findFirst()
                .map(REASONS::get).orElse("無法產生此文件的預覽。");
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, findingName, reason, List.of());
    }
}
