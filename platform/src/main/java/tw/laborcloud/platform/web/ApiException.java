package tw.laborcloud.platform.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A request the service refuses, rendered as RFC 9457 problem details with a stable
 * {@code code} and, for invalid input, one violation per field. Messages are for the
 * person using the UI, so they are in Traditional Chinese.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldViolation> violations;

    public ApiException(HttpStatus status, String code, String detail, List<FieldViolation> violations) {
        super(detail);
        this.status = status;
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    public static ApiException invalid(List<FieldViolation> violations) {
        return new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "資料有誤，請依各欄位說明修正後再送出。",
                violations);
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(HttpStatus.CONFLICT, code, detail, List.of());
    }

    public static ApiException notFound(String code, String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, code, detail, List.of());
    }

    public static ApiException forbidden(String code, String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, code, detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
