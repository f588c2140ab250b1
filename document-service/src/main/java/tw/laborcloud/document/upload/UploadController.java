package tw.laborcloud.document.upload;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.laborcloud.platform.security.UnionPrincipal;

/**
 * The registration form's file fields upload here, one file per request, before the form
 * is sent: a multipart body with the parts {@code kind} (or {@code ?kind=}) and
 * {@code file}, read as it streams in. Applicants upload without a token; a union's pages
 * send its token along (the gateway relays the session's), and its uploads' tickets name it.
 */
@Tag(name = "文件")
@RestController
class UploadController {

    private final UploadIntake intake;

    UploadController(UploadIntake intake) {
        this.intake = intake;
    }

    @Operation(summary = "上傳文件", description = "以 multipart 上傳一個檔案（欄位 file）及其文件類別（欄位 kind）。"
            + "僅接受內容確為 PDF、JPEG 或 PNG 之檔案，10 MB 以內。申請人不需登入；工會之頁面附工會帳號權杖。")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schemaProperties = {
                @SchemaProperty(name = "kind", schema = @Schema(type = "string", description = "文件類別，例如 CERTIFICATE_SCAN（立案證書）")),
                @SchemaProperty(name = "file", schema = @Schema(type = "string", format = "binary",
                        description = "檔案：PDF、JPEG 或 PNG，10 MB 以內"))}))
    @ApiResponse(responseCode = "201", description = "已收件：上傳編號與上傳憑證（ticket），送出申請或會務案件時一併提供",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = UploadReceipt.class)))
    @PostMapping(path = "/api/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<UploadReceipt> upload(HttpServletRequest request, @AuthenticationPrincipal Jwt token)
            throws IOException {
        String owner = token == null ? null : UnionPrincipal.unionId(token);
        try (ReceivedUpload received = UploadRequestReader.read(request)) {
            return ResponseEntity.status(HttpStatus.CREATED).body(intake.accept(received, owner));
        }
    }
}
