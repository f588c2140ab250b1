package tw.laborcloud.document.upload;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;

import tw.laborcloud.platform.web.ApiException;
import tw.laborcloud.platform.web.FieldViolation;

/**
 * Why an upload is refused: each a problem whose {@code code} is also the code of its one
 * field error, with a message the applicant can act on.
 */
final class UploadRefusals {

    static final String KIND_UNKNOWN = "KIND_UNKNOWN";
    static final String FILE_EMPTY = "FILE_EMPTY";
    static final String FILE_TOO_LARGE = "FILE_TOO_LARGE";
    static final String FILE_TYPE_NOT_ALLOWED = "FILE_TYPE_NOT_ALLOWED";

    private UploadRefusals() {
    }

    static ApiException unknownKind() {
        String kinds = Arrays.stream(DocumentKind.values()).map(DocumentKind::label).collect(Collectors.joining("、"));
        return refuse(HttpStatus.BAD_REQUEST, KIND_UNKNOWN, "kind", "文件類別不正確，請選擇：" + kinds + "。");
    }

    static ApiException empty() {
        return refuse(HttpStatus.BAD_REQUEST, FILE_EMPTY, "file", "未選擇檔案或檔案是空的，請重新選擇檔案。");
    }

    /** 413: the request is well formed, only too large; the UI shows it beside the file field. */
    static ApiException tooLarge() {
        return refuse(HttpStatus.CONTENT_TOO_LARGE, FILE_TOO_LARGE, "file",
                "檔案超過 " + DocumentKind.MAX_BYTES / (1024 * 1024) + " MB 的上限，請縮小檔案後再上傳。");
    }

    static ApiException typeNotAllowed(DocumentKind kind, String detectedType) {
        return refuse(HttpStatus.BAD_REQUEST, FILE_TYPE_NOT_ALLOWED, "file",
                "檔案內容的格式為 " + detectedType + "，「" + kind.label() + "」僅接受 " + kind.describeAllowedTypes()
                        + "。系統依檔案內容判斷格式，更改副檔名無效。");
    }

    private static ApiException refuse(HttpStatus status, String code, String field, String message) {
        return new ApiException(status, code, message, List.of(new FieldViolation(field, code, message)));
    }
}
