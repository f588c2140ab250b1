package tw.laborcloud.registration.registration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import tw.laborcloud.platform.web.FieldViolation;

/** Checks a registration field by field; every violation is reported at once. */
public final class RegistrationValidator {

    private static final Pattern ACCOUNT = Pattern.compile("\\d{8}");
    // deliberately plain: a local part, an @, a domain with a dot; the confirmation mail proves the rest
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");
    private static final Pattern UPLOAD_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");
    static final int MAX_NAME_LENGTH = 100;

    private RegistrationValidator() {
    }

    public static List<FieldViolation> validate(RegistrationRequest r) {
        List<FieldViolation> v = new ArrayList<>();
        if (blank(r.account())) {
            v.add(new FieldViolation("account", "REQUIRED", "請輸入帳號（立案證書字號 8 碼）"));
        } else if (!ACCOUNT.matcher(r.account()).matches()) {
            v.add(new FieldViolation("account", "ACCOUNT_FORMAT", "帳號須為立案證書字號 8 位數字"));
        }
        List<String> unmet = PasswordPolicy.unmet(r.password());
        if (!unmet.isEmpty()) {
            v.add(new FieldViolation("password", "PASSWORD_POLICY", "密碼不符規則：" + String.join("、", unmet)));
        }
        if (r.password() != null && !r.password().equals(r.passwordConfirm())) {
            v.add(new FieldViolation("passwordConfirm", "PASSWORD_MISMATCH", "兩次輸入的密碼不一致"));
        }
        if (blank(r.unionName())) {
            v.add(new FieldViolation("unionName", "REQUIRED", "請輸入工會名稱"));
        } else if (r.unionName().strip().length() > MAX_NAME_LENGTH) {
            v.add(new FieldViolation("unionName", "TOO_LONG", "工會名稱最多 100 字"));
        }
        if (blank(r.contactEmail())) {
            v.add(new FieldViolation("contactEmail", "REQUIRED", "請輸入聯絡人電子郵件"));
        } else if (r.contactEmail().length() > 254 || !EMAIL.matcher(r.contactEmail().strip()).matches()) {
            v.add(new FieldViolation("contactEmail", "EMAIL_FORMAT", "電子郵件格式不正確"));
        } else if (!r.contactEmail().strip().equalsIgnoreCase(nullToEmpty(r.contactEmailConfirm()).strip())) {
            v.add(new FieldViolation("contactEmailConfirm", "EMAIL_MISMATCH", "兩次輸入的電子郵件不一致"));
        }
        validateDocuments(r.documents(), v);
        return v;
    }

    private static void validateDocuments(List<RegistrationRequest.DocumentRef> documents, List<FieldViolation> v) {
        Set<DocumentKind> seen = new HashSet<>();
        for (RegistrationRequest.DocumentRef d : documents == null ? List.<RegistrationRequest.DocumentRef>of() : documents) {
            DocumentKind kind = d == null ? null : DocumentKind.parse(d.kind()).orElse(null);
            if (kind == null) {
                v.add(new FieldViolation("documents", "DOCUMENT_KIND_UNKNOWN", "不明的附件種類"));
                continue;
            }
            String field = "documents." + kind.name();
            if (!seen.add(kind)) {
                v.add(new FieldViolation(field, "DOCUMENT_DUPLICATED", "同一種附件只能上傳一份"));
            } else if (d.uploadId() == null || !UPLOAD_ID.matcher(d.uploadId()).matches()) {
                v.add(new FieldViolation(field, "UPLOAD_ID_INVALID", "附件上傳識別碼不正確，請重新上傳"));
            }
        }
        for (DocumentKind kind : DocumentKind.values()) {
            if (kind.required() && !seen.contains(kind)) {
                v.add(new FieldViolation("documents." + kind.name(), "REQUIRED", "請上傳章程（PDF 檔）"));
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
