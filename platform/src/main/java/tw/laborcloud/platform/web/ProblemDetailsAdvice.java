package tw.laborcloud.platform.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every refusal as problem details; field errors as an {@code errors} array, at most
 * {@value #MAX_ERRORS} of them (with {@code moreErrors} counting the rest), so that an answer to bad
 * input stays small however much bad input there was.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    /** The most field errors one answer lists. */
    public static final int MAX_ERRORS = 50;

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
            problem.setProperty("errors", e.violations().subList(0, Math.min(MAX_ERRORS, e.violations().size())));
            if (e.violations().size() > MAX_ERRORS) {
                problem.setProperty("moreErrors", e.violations().size() - MAX_ERRORS);
            }
        }
        problem.setProperty("correlationId", CorrelationIds.current());
        return ResponseEntity.status(e.status()).body(problem);
    }

    /** Writes the refusal straight to a response, for filters that answer before Spring MVC does. */
    public static void write(jakarta.servlet.http.HttpServletResponse response, ApiException e) throws java.io.IOException {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("title", e.status().getReasonPhrase());
        body.put("status", e.status().value());
        body.put("detail", e.getMessage());
        body.put("code", e.code());
        body.put("correlationId", CorrelationIds.current());
        response.setStatus(e.status().value());
        response.setContentType("application/problem+json;charset=UTF-8");
        response.setHeader(HttpHeaders.CONNECTION, "close"); // the rest of the body is not read
        response.getOutputStream().write(tools.jackson.databind.json.JsonMapper.shared().writeValueAsBytes(body));
    }

    /**
     * A body that does not parse (a word where a number belongs, a malformed date) is
     * reported on the field where parsing stopped, like any other invalid field.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestLimits.BodyTooLarge tooLarge) {
                ApiException refusal = RequestLimits.tooLarge(tooLarge.limit());
                return ResponseEntity.status(refusal.status()).header(HttpHeaders.CONNECTION, "close")
                        .body(toResponse(refusal).getBody());
            }
            if (t instanceof tools.jackson.core.exc.StreamConstraintsException) {
                // nested too deep, a string or a number too long, too many tokens: refused before it is walked
                return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(toResponse(new ApiException(
                        HttpStatus.BAD_REQUEST, "BODY_TOO_COMPLEX", "送出的資料結構過深或內容過長，請重新整理頁面後再試。",
                        List.of())).getBody());
            }
        }
        String field = fieldOf(ex);
        FieldViolation violation = field == null
                ? new FieldViolation("body", "BODY_UNREADABLE", "送出的資料格式不正確，請重新整理頁面後再試")
                : new FieldViolation(field, "INVALID_VALUE", "此欄位的值格式不正確");
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(toResponse(ApiException.invalid(List.of(violation))).getBody());
    }

    private static String fieldOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (JacksonException.Reference ref : jackson.getPath()) {
                    if (ref.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
                    } else if (ref.getIndex() >= 0) {
                        path.append('[').append(ref.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
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
