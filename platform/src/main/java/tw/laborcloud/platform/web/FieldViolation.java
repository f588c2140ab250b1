package tw.laborcloud.platform.web;

/**
 * One rejected field: {@code field} is the form field's name, {@code code} a stable
 * machine-readable reason, {@code message} the sentence shown beside the field (zh-TW).
 */
public record FieldViolation(String field, String code, String message) {
}
