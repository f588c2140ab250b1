package tw.laborcloud.registration.registration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import tw.laborcloud.platform.web.FieldViolation;
import tw.laborcloud.registration.account.PasswordPolicy;

/**
 * Checks the registration form field by field, every rule of the source form plus the
 * sanity rules a bureau wants at once; every violation is reported together, each on its
 * own field with a message in Traditional Chinese.
 */
public final class RegistrationValidator {

    private static final Pattern ACCOUNT = Pattern.compile("\\d{8}");
    // deliberately plain: a local part, an @, a domain with a dot; the confirmation mail proves the rest
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");
    private static final Pattern UPLOAD_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");
    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_PERSON_NAME_LENGTH = 50;
    static final int MAX_STREET_LENGTH = 120;
    static final BigDecimal MAX_COUNT = BigDecimal.valueOf(1_000_000);
    private static final LocalDate EARLIEST_FOUNDING = LocalDate.of(1900, 1, 1);

    private final List<FieldViolation> v = new ArrayList<>();

    private RegistrationValidator() {
    }

    /** @param today the date in Taipei, against which "not in the future" is judged */
    public static List<FieldViolation> validate(RegistrationRequest r, LocalDate today) {
        RegistrationValidator check = new RegistrationValidator();
        check.account(r.account());
        check.password(r.password(), r.passwordConfirm());
        check.text("unionName", r.unionName(), MAX_NAME_LENGTH, "請輸入工會名稱", "工會名稱最多 100 字");
        check.unionType(r);
        check.unionTaxId(r.unionTaxId());
        check.text("representative", r.representative(), MAX_PERSON_NAME_LENGTH, "請輸入負責人", "負責人最多 50 字");
        if (blank(r.industry())) {
            check.add("industry", "REQUIRED", "請選擇行業標準類型");
        } else if (ReferenceData.industry(r.industry()).isEmpty()) {
            check.add("industry", "INDUSTRY_UNKNOWN", "行業標準類型不在清單中");
        }
        check.address("address", r.address(), true);
        if (r.mailingAddress() != null && !r.mailingAddress().isEmpty()) {
            check.address("mailingAddress", r.mailingAddress(), false);
        }
        check.foundedOn(r.foundedOn(), today);
        check.counts(r);
        check.text("contactName", r.contactName(), MAX_PERSON_NAME_LENGTH, "請輸入聯絡人", "聯絡人最多 50 字");
        if (blank(r.contactPhone())) {
            check.add("contactPhone", "REQUIRED", "請輸入聯絡人電話");
        } else if (!PhoneNumbers.isPhone(r.contactPhone())) {
            check.add("contactPhone", "PHONE_FORMAT", "電話格式不正確，例如 02-2960-3456#123 或 0912-345-678");
        }
        if (!blank(r.fax()) && !PhoneNumbers.isFax(r.fax())) {
            check.add("fax", "FAX_FORMAT", "傳真號碼格式不正確，例如 02-2960-3457");
        }
        check.emails(r);
        check.yesNo("harassmentPreventionDone", r.harassmentPreventionDone(), "請選擇是否已完成性騷擾防治措施");
        check.yesNo("genderOneThirdRule", r.genderOneThirdRule(), "請選擇章程或選舉辦法是否訂有單一性別達 1/3");
        check.yesNo("joinedHigherUnion", r.joinedHigherUnion(), "請選擇是否已加入上級工會");
        check.documents(r.documents(), Boolean.TRUE.equals(r.harassmentPreventionDone()));
        return check.v;
    }

    private void account(String account) {
        if (blank(account)) {
            add("account", "REQUIRED", "請輸入帳號（立案證書字號 8 碼）");
        } else if (!ACCOUNT.matcher(account).matches()) {
            add("account", "ACCOUNT_FORMAT", "帳號須為立案證書字號 8 位數字");
        }
    }

    private void password(String password, String confirm) {
        List<String> unmet = PasswordPolicy.unmet(password);
        if (password != null && password.chars().anyMatch(Character::isISOControl)) {
            // a line break or tab pasted along cannot be typed at the login, and some systems cut at a NUL
            add("password", "PASSWORD_CONTROL_CHARACTER", "密碼不能包含控制字元（例如換行或定位字元），請重新輸入");
        } else if (!unmet.isEmpty()) {
            add("password", "PASSWORD_POLICY", "密碼不符規則：" + String.join("、", unmet));
        }
        if (password != null && !password.equals(confirm)) {
            add("passwordConfirm", "PASSWORD_MISMATCH", "兩次輸入的密碼不一致");
        }
    }

    private void unionType(RegistrationRequest r) {
        if (blank(r.unionType())) {
            add("unionType", "REQUIRED", "請選擇工會類型");
            return;
        }
        if (ReferenceData.unionType(r.unionType()).isEmpty()) {
            add("unionType", "UNION_TYPE_UNKNOWN", "工會類型須為企業工會、產業工會、職業工會或聯合組織");
            return;
        }
        boolean federation = ReferenceData.FEDERATION.equals(r.unionType());
        if (federation) {
            if (r.memberUnions() == null) {
                add("memberUnions", "REQUIRED", "聯合組織請填寫所屬會員工會家數");
            } else if (!isWhole(r.memberUnions()) || r.memberUnions().signum() <= 0
                    || r.memberUnions().compareTo(MAX_COUNT) > 0) {
                add("memberUnions", "COUNT_INVALID", "會員工會家數須為正整數");
            }
        } else if (r.memberUnions() != null) {
            add("memberUnions", "ONLY_FOR_FEDERATION", "會員工會家數僅聯合組織填寫");
        }
    }

    private void unionTaxId(String taxId) {
        if (blank(taxId)) {
            return;
        }
        if (!taxId.matches("\\d{8}")) {
            add("unionTaxId", "TAX_ID_FORMAT", "工會統一編號須為 8 位數字");
        } else if (!UnifiedBusinessNumber.isValid(taxId)) {
            add("unionTaxId", "TAX_ID_CHECK_DIGIT", "工會統一編號檢查碼不正確，請再核對");
        }
    }

    private void address(String field, RegistrationRequest.AddressInput address, boolean required) {
        if (address == null || address.isEmpty()) {
            if (required) {
                add(field + ".district", "REQUIRED", "請選擇行政區");
                add(field + ".street", "REQUIRED", "請輸入地址");
            }
            return;
        }
        if (blank(address.district())) {
            add(field + ".district", "REQUIRED", "請選擇行政區");
        } else if (ReferenceData.postalCodeOf(address.district()).isEmpty()) {
            add(field + ".district", "DISTRICT_UNKNOWN", "行政區須為新北市的 29 個行政區之一");
        }
        if (blank(address.street())) {
            add(field + ".street", "REQUIRED", "請輸入地址");
        } else if (address.street().strip().length() > MAX_STREET_LENGTH) {
            add(field + ".street", "TOO_LONG", "地址最多 120 字");
        }
    }

    private void foundedOn(String foundedOn, LocalDate today) {
        if (blank(foundedOn)) {
            add("foundedOn", "REQUIRED", "請輸入成立日期");
            return;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(foundedOn.strip());
        } catch (DateTimeParseException e) {
            add("foundedOn", "DATE_FORMAT", "成立日期格式須為 YYYY-MM-DD");
            return;
        }
        if (date.isAfter(today)) {
            add("foundedOn", "DATE_IN_FUTURE", "成立日期不能晚於今天");
        } else if (date.isBefore(EARLIEST_FOUNDING)) {
            add("foundedOn", "DATE_TOO_EARLY", "成立日期不正確");
        }
    }

    private void counts(RegistrationRequest r) {
        Integer members = count("members", r.members(), true, "請填寫會員人數");
        count("memberRepresentatives", r.memberRepresentatives(), false, null);
        Integer directors = count("directors", r.directors(), true, "請填寫理事人數");
        Integer supervisors = count("supervisors", r.supervisors(), true, "請填寫監事人數");
        if (members != null && members == 0) {
            add("members.total", "MEMBERS_NONE", "會員人數合計須大於 0");
        }
        if (members != null && directors != null && supervisors != null && directors + supervisors > members) {
            add("directors.total", "OFFICERS_EXCEED_MEMBERS", "理事人數加監事人數（" + (directors + supervisors)
                    + "）不能多於會員人數（" + members + "）");
        }
    }

    /** Returns the total when both numbers are valid, null otherwise (and records why). */
    private Integer count(String field, RegistrationRequest.CountsInput counts, boolean required, String missing) {
        if (counts == null || (counts.male() == null && counts.female() == null)) {
            if (required) {
                add(field + ".male", "REQUIRED", missing);
            }
            return null;
        }
        boolean ok = countPart(field + ".male", counts.male(), "男");
        ok &= countPart(field + ".female", counts.female(), "女");
        return ok ? counts.male().intValueExact() + counts.female().intValueExact() : null;
    }

    private boolean countPart(String field, BigDecimal value, String label) {
        if (value == null) {
            add(field, "REQUIRED", "請填寫" + label + "性人數（沒有請填 0）");
            return false;
        }
        if (!isWhole(value) || value.signum() < 0 || value.compareTo(MAX_COUNT) > 0) {
            add(field, "COUNT_INVALID", "人數須為 0 或正整數");
            return false;
        }
        return true;
    }

    private void emails(RegistrationRequest r) {
        if (blank(r.contactEmail())) {
            add("contactEmail", "REQUIRED", "請輸入聯絡人電子郵件");
        } else if (!isEmail(r.contactEmail())) {
            add("contactEmail", "EMAIL_FORMAT", "電子郵件格式不正確");
        } else if (!r.contactEmail().strip().equalsIgnoreCase(nullToEmpty(r.contactEmailConfirm()).strip())) {
            add("contactEmailConfirm", "EMAIL_MISMATCH", "兩次輸入的電子郵件不一致");
        }
        if (!blank(r.backupEmail()) && !isEmail(r.backupEmail())) {
            add("backupEmail", "EMAIL_FORMAT", "備用電子郵件格式不正確");
        }
    }

    private void yesNo(String field, Boolean value, String message) {
        if (value == null) {
            add(field, "REQUIRED", message);
        }
    }

    private void documents(List<RegistrationRequest.DocumentRef> documents, boolean evidenceExpected) {
        if (documents != null && documents.size() > DocumentKind.values().length) {
            // counted before it is walked: a list of thousands gets one answer, not thousands
            add("documents", "DOCUMENTS_TOO_MANY", "附件最多 " + DocumentKind.values().length + " 份，每一種一份");
            return;
        }
        Set<DocumentKind> seen = new HashSet<>();
        for (RegistrationRequest.DocumentRef d : documents == null ? List.<RegistrationRequest.DocumentRef>of() : documents) {
            DocumentKind kind = d == null ? null : DocumentKind.parse(d.kind()).orElse(null);
            if (kind == null) {
                add("documents", "DOCUMENT_KIND_UNKNOWN", "不明的附件種類");
                continue;
            }
            String field = "documents." + kind.name();
            if (!seen.add(kind)) {
                add(field, "DOCUMENT_DUPLICATED", "同一種附件只能上傳一份");
            } else if (!isUploadId(d.uploadId())) {
                add(field, "UPLOAD_ID_INVALID", "附件上傳識別碼不正確，請重新上傳");
            }
        }
        for (DocumentKind kind : DocumentKind.values()) {
            if (kind.required() && !seen.contains(kind)) {
                add("documents." + kind.name(), "REQUIRED", "請上傳" + kind.label());
            }
        }
        if (evidenceExpected && !seen.contains(DocumentKind.HARASSMENT_EVIDENCE)) {
            add("documents." + DocumentKind.HARASSMENT_EVIDENCE.name(), "EVIDENCE_EXPECTED",
                    "已完成性騷擾防治措施者，請上傳佐證資料");
        }
    }

    private void text(String field, String value, int max, String missing, String tooLong) {
        if (blank(value)) {
            add(field, "REQUIRED", missing);
        } else if (value.strip().length() > max) {
            add(field, "TOO_LONG", tooLong);
        }
    }

    private void add(String field, String code, String message) {
        v.add(new FieldViolation(field, code, message));
    }

    /** The form of an id the document service hands out for an upload (the supplement form uses it too). */
    public static boolean isUploadId(String value) {
        return value != null && UPLOAD_ID.matcher(value).matches();
    }

    static boolean isEmail(String value) {
        return value != null && value.length() <= 254 && EMAIL.matcher(value.strip()).matches();
    }

    private static boolean isWhole(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
