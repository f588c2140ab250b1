package tw.laborcloud.registration.copy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.laborcloud.events.registration.EmailConfirmationRequested;
import tw.laborcloud.registration.registration.Registration;
import tw.laborcloud.registration.registration.RegistrationService;

/**
 * The submission copy for download, from the receipt and the status page. It shows everything the applicant
 * sent, so it is guarded exactly as the status look-up is: {@link RegistrationService#status} with both numbers.
 * Made on each request from what is stored (a few hundred milliseconds), never kept; the documents' names, sizes and
 * hashes are those the upload tickets vouched for at submission (the same copy the receipt mail carries).
 */
@Tag(name = "帳號申請")
@RestController
@RequestMapping("/api/registrations")
class SubmissionCopyController {

    private final RegistrationService registrations;
    private final SubmissionCopies copies;

    SubmissionCopyController(RegistrationService registrations, SubmissionCopies copies) {
        this.registrations = registrations;
        this.copies = copies;
    }

    @Operation(summary = "下載送件副本（PDF）", description = "申請時送出之各欄資料、附件（大小及 SHA-256）、申請編號、送出時間及進度查詢網址之"
            + " PDF 副本。以申請編號及立案證書字號下載；兩者不符時一律回答查無資料，同查詢申請進度。")
    @ApiResponse(responseCode = "200", description = "送件副本（PDF 附件）",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
                    schema = @Schema(type = "string", format = "binary")))
    @GetMapping(value = "/{applicationId}/copy.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> copy(@PathVariable String applicationId, @RequestParam String certificateNo) {
        Registration r = registrations.status(applicationId, certificateNo);
        byte[] pdf = copies.render(r, Instant.now());
        String fileName = EmailConfirmationRequested.submissionCopyFileName(r.applicationId());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                // RFC 6266 / 8187: every current browser reads filename*; no ASCII fallback of underscores
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename*=UTF-8''" + UriUtils.encode(fileName, StandardCharsets.UTF_8))
                .body(pdf);
    }
}
