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
import tw.laborcloud.platform.security.UnionPrincipal;

/**
 * The registration form's file fields upload here, one file per request, before the form
 * is sent: a multipart body with the parts {@code kind} (or {@code ?kind=}) and
 * {@code file}, read as it streams in. Applicants upload without a token; a union's pages
 * send its token along (the gateway relays the session's), and its uploads' tickets name it.
 */
@RestController
class UploadController {

    private final UploadIntake intake;

    UploadController(UploadIntake intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/api/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<UploadReceipt> upload(HttpServletRequest request, @AuthenticationPrincipal Jwt token)
            throws IOException {
        String owner = token == null ? null : UnionPrincipal.unionId(token);
        try (ReceivedUpload received = UploadRequestReader.read(request)) {
            return ResponseEntity.status(HttpStatus.CREATED).body(intake.accept(received, owner));
        }
    }
}
