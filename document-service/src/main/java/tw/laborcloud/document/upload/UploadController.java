package tw.laborcloud.document.upload;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The registration form's file fields upload here, one file per request, before the form
 * is sent: a multipart body with the parts {@code kind} (or {@code ?kind=}) and
 * {@code file}, read as it streams in.
 */
@RestController
class UploadController {

    private final UploadIntake intake;

    UploadController(UploadIntake intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/api/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<UploadReceipt> upload(HttpServletRequest request) throws IOException {
        try (ReceivedUpload received = UploadRequestReader.read(request)) {
            return ResponseEntity.status(HttpStatus.CREATED).body(intake.accept(received));
        }
    }
}
