package tw.laborcloud.document.upload;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import tw.laborcloud.platform.web.ProblemDetailsAdvice;

/**
 * An upload far above the limit is cut off by the servlet container before any controller
 * runs; it gets the same answer as one the service counted itself.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadSizeAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return ProblemDetailsAdvice.toResponse(UploadRefusals.tooLarge());
    }
}
