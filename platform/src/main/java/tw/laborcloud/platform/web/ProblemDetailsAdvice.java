package tw.laborcloud.platform.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Renders every refusal as problem details; field errors as an {@code errors} array. */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return toResponse(e);
    }

    /** The response for a refusal, for handlers of exceptions that must answer like an {@link ApiException}. */
    public static ResponseEntity<ProblemDetail> toResponse(ApiException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.status().getReasonPhrase());
        problem.setProperty("code", e.code());
        if (!e.violations().isEmpty()) {
            problem.setProperty("errors", e.violations());
        }
        problem.setProperty("correlationId", CorrelationIds.current());
        return ResponseEntity.status(e.status()).body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldViolation(f.getField(), f.getCode() == null ? "INVALID" : f.getCode(),
                        f.getDefaultMessage()))
                .toList();
        ApiException api = ApiException.invalid(violations);
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(toResponse(api).getBody());
    }
}
