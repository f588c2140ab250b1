package tw.laborcloud.document.upload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import tw.laborcloud.platform.web.ApiException;

/**
 * Officers download the original file. Always as an attachment with the detected type
 * and nosniff, so that an uploaded file is never rendered in the service's origin.
 */
@RestController
class DocumentContentController {

    private static final Logger log = LoggerFactory.getLogger(DocumentContentController.class);

    private final Uploads uploads;

    DocumentContentController(Uploads uploads) {
        this.uploads = uploads;
    }

    @GetMapping("/api/documents/{uploadId}/content")
    ResponseEntity<Resource> content(@PathVariable String uploadId, Authentication officer) {
        Upload upload = uploads.find(uploadId).orElseThrow(DocumentContentController::notFound);
        Resource content = uploads.content(upload).orElseThrow(DocumentContentController::notFound);
        // who read which applicant's document: the bureau must be able to answer that
        log.info("document {} ({}, application {}) downloaded by {}", upload.id(), upload.kind(),
                upload.applicationId(), officer.getName());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(upload.contentType()))
                .contentLength(upload.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, FileNames.attachment(upload.originalName()))
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    private static ApiException notFound() {
        return ApiException.notFound("DOCUMENT_NOT_FOUND", "找不到這份文件，可能已逾期刪除或編號有誤。");
    }
}
