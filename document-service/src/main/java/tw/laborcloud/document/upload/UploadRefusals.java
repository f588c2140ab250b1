package tw.laborcloud.document.upload;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;

import tw.laborcloud.document.verification.Finding;
import tw.laborcloud.platform.web.ApiException;
import tw.laborcloud.platform.web.FieldViolation;

/**
 * Why an upload is refused: each a problem whose {@code code} is also the code of its one
 * field error, with a message the applicant can act on. Refused is what can never be
 * right; what an officer should judge is accepted and flagged by the verification.
 * A broken request or a file of the wrong kind is a 400; a well-formed file of an allowed
 * type whose content cannot be used is a 422.
 */
final class UploadRefusals {

    static final String KIND_UNKNOWN = "KIND_UNKNOWN";
    static final String FILE_EMPTY = "FILE_EMPTY";
    static final String FILE_TOO_LARGE = "FILE_TOO_LARGE";
    static final String FILE_TYPE_NOT_ALLOWED = "FILE_TYPE_NOT_ALLOWED";
    static final String IMAGE_TOO_LARGE = "IMAGE_TOO_LARGE";
    static final String POLYGLOT = "POLYGLOT";
    static final String UPLOAD_MALFORMED = "UPLOAD_MALFORMED";
    static final String FILE_NAME_INVALID = "FILE_NAME_INVALID";

    private UploadRefusals() {
    }

    static ApiException unknownKind() {
        String kinds = Arrays.stream(DocumentKind.values()).map(DocumentKind::label).collect(Collectors.joining("、"));
        return refuse(HttpStatus.BAD_REQUEST, KIND_UNKNOWN, "kind", "文件類別不正確，請選擇：" + kinds + "。");
    }

    /**
     * 401: a filing's attachments are kept 30 days for the union's draft; only a union that logged in may
     * stage them (anonymous uploads are for the registration form, kept 24 hours).
     */
    static ApiException unionLoginRequired(DocumentKind kind) {
        return refuse(HttpStatus.UNAUTHORIZED, "UNION_LOGIN_REQUIRED", "kind",
                "「" + kind.label() + "」是會務申請的附件，請先以工會帳號登入後再上傳。");
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

    static ApiException imageTooLarge(ImageHeader header, long maxPixels) {
        return refuse(HttpStatus.BAD_REQUEST, IMAGE_TOO_LARGE, "file",
                "圖片尺寸為 " + header.width() + " × " + header.height() + " 像素，超過 " + maxPixels / 10_000
                        + " 萬像素的上限，請降低掃描解析度後再上傳。");
    }

    static ApiException polyglot(String otherFormat) {
        return refuse(HttpStatus.BAD_REQUEST, POLYGLOT, "file",
                "檔案同時含有 " + otherFormat + " 格式的內容（多重格式檔案），可能夾帶其他程式或網頁，系統不予接受。"
                        + "請以掃描器或文書軟體重新存檔後再上傳。");
    }

    /**
     * 422: a file of an allowed type that nobody could use ({@link Finding#unusable()}), found by
     * the same checks the verification runs; the code is the finding's name.
     */
    static ApiException unusable(Finding finding) {
        String message = switch (finding) {
            case PDF_TRUNCATED -> "PDF 檔案不完整（檔案在結尾前中斷），可能是存檔或上傳時中斷。請重新存檔或掃描後再上傳。";
            case PDF_ENCRYPTED -> "PDF 設有密碼或使用限制（已加密），審查人員無法開啟或列印。請移除密碼與限制後另存新檔，再上傳。";
            case PDF_NO_PAGES -> "PDF 沒有任何頁面，請確認檔案內容後再上傳。";
            case IMAGE_TRUNCATED -> "圖片資料不完整（檔案內容比圖片標示的尺寸少），可能是掃描或上傳時中斷。請重新掃描或存檔後再上傳。";
            default -> throw new IllegalArgumentException(finding + " is no reason to refuse an upload");
        };
        return refuse(HttpStatus.UNPROCESSABLE_CONTENT, finding.name(), "file", message);
    }

    static ApiException invalidFileName() {
        return refuse(HttpStatus.BAD_REQUEST, FILE_NAME_INVALID, "file", "檔案名稱含有不允許的字元，請重新命名檔案後再上傳。");
    }

    static ApiException malformed(String message) {
        return refuse(HttpStatus.BAD_REQUEST, UPLOAD_MALFORMED, "file", message);
    }

    private static ApiException refuse(HttpStatus status, String code, String field, String message) {
        return new ApiException(status, code, message, List.of(new FieldViolation(field, code, message)));
    }
}
