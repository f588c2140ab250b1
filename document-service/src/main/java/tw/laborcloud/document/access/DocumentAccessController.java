package tw.laborcloud.document.access;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.laborcloud.document.preview.Previews;
import tw.laborcloud.document.upload.DocumentNotFound;
import tw.laborcloud.document.upload.FileNames;
import tw.laborcloud.document.upload.Upload;
import tw.laborcloud.document.upload.Uploads;
import tw.laborcloud.document.verification.RegistrationVerification;
import tw.laborcloud.document.verification.VerifiedUpload;

/**
 * Reading a document: its metadata, its preview, its original. Who may is decided (and
 * logged) by {@link DocumentAccess}. Every response carries nosniff; the original always
 * comes as an attachment with the type detected at intake, named with that type's
 * extension, so an uploaded file is never rendered in the service's origin and opens as
 * what it is on the reader's computer.
 */
@Tag(name = "文件", description = "已上傳文件之資料、內容與預覽")
@RestController
class DocumentAccessController {

    private static final String NOSNIFF = "nosniff";
    /** A preview never changes (an upload's content is fixed); private: it is personal data. */
    private static final CacheControl PREVIEW_CACHE = CacheControl.maxAge(Duration.ofDays(1)).cachePrivate();

    private final DocumentAccess access;
    private final Uploads uploads;
    private final Previews previews;
    private final RegistrationVerification verifications;

    DocumentAccessController(DocumentAccess access, Uploads uploads, Previews previews,
            RegistrationVerification verifications) {
        this.access = access;
        this.uploads = uploads;
        this.previews = previews;
        this.verifications = verifications;
    }

    @Operation(summary = "文件資料", description = "檔名、型態、大小、SHA-256 與檢查結果。限審查人員或檔案所屬之申請人、工會。")
    @GetMapping("/api/documents/{uploadId}")
    ResponseEntity<DocumentMetadata> metadata(@PathVariable String uploadId, Authentication reader,
            HttpServletRequest request) throws IOException {
        return access.serve(uploadId, AccessAction.METADATA, reader, request, upload -> ResponseEntity.ok()
                .header("X-Content-Type-Options", NOSNIFF)
                .cacheControl(CacheControl.noStore())
                .body(metadataOf(upload)));
    }

    @Operation(summary = "下載文件原檔", description = "原檔內容，以附件方式下載。限審查人員或檔案所屬之申請人、工會。")
    @GetMapping("/api/documents/{uploadId}/content")
    ResponseEntity<Resource> content(@PathVariable String uploadId, Authentication reader, HttpServletRequest request)
            throws IOException {
        return access.serve(uploadId, AccessAction.DOWNLOAD, reader, request, upload -> {
            Resource content = uploads.content(upload).orElseThrow(DocumentNotFound::problem);
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(upload.contentType()))
                    .contentLength(upload.size())
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            FileNames.attachment(FileNames.downloadName(upload.originalName(), upload.contentType())))
                    .header("X-Content-Type-Options", NOSNIFF)
                    .cacheControl(CacheControl.noStore())
                    .body(content);
        });
    }

    @Operation(summary = "文件預覽圖", description = "第一頁之 PNG 預覽圖。限審查人員或檔案所屬之申請人、工會。")
    @GetMapping("/api/documents/{uploadId}/preview")
    ResponseEntity<Resource> preview(@PathVariable String uploadId, Authentication reader, HttpServletRequest request)
            throws IOException {
        return access.serve(uploadId, AccessAction.PREVIEW, reader, request, upload -> {
            Previews.Preview preview = previews.of(upload);
            ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                    .contentType(MediaType.IMAGE_PNG)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"preview.png\"")
                    .header("X-Content-Type-Options", NOSNIFF)
                    .cacheControl(PREVIEW_CACHE);
            if (preview.pages() != null) {
                response.header("X-Page-Count", preview.pages().toString());
            }
            return response.body(preview.image());
        });
    }

    private DocumentMetadata metadataOf(Upload upload) {
        Optional<VerifiedUpload> verified = verifications.latestFor(upload.id());
        Integer pages = verified.map(v -> v.document().pages())
                .orElse(upload.preview() == null ? null : upload.preview().pages());
        return new DocumentMetadata(upload.id(), upload.kind().name(), upload.kind().label(), upload.contentType(),
                upload.size(), pages, upload.sha256(), upload.originalName(), upload.status().name(),
                upload.createdAt(), upload.applicationId(),
                verified.map(VerifiedUpload::round).orElse(null),
                verified.map(v -> v.verdict().name()).orElse(null),
                verified.map(v -> v.document().findings()).orElse(null));
    }
}
