package tw.laborcloud.unionaffairs.filing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import tw.laborcloud.events.registration.DocumentKinds;
import tw.laborcloud.events.registration.UnionDetails.Address;
import tw.laborcloud.platform.web.FieldViolation;
import tw.laborcloud.unionaffairs.filing.FilingType.Attachment;
import tw.laborcloud.unionaffairs.profile.UnionProfile;

/**
 * Everything a filing must satisfy to be submitted: each field's own rule
 * ({@link FormValues}), the attachments the type requires and allows, and the rules across
 * fields and against the union's profile. Drafts are saved without these; submission runs
 * them all and reports every failure at once.
 */
final class FilingRules {

    private FilingRules() {
    }

    /** The typed form and every rule it breaks (empty when it may be submitted). */
    record Checked(FormValues form, List<FieldViolation> violations) {
    }

    static Checked check(FilingType type, Map<String, ?> form, List<AttachmentRef> attachments,
            UnionProfile profile, LocalDate today) {
        FormValues values = FormValues.read(type, form, today);
        List<FieldViolation> violations = new ArrayList<>(values.violations());
        violations.addAll(acrossFields(type, values, profile, today));
        violations.addAll(attachments(type, attachments));
        return new Checked(values, List.copyOf(violations));
    }

    static List<FieldViolation> attachments(FilingType type, List<AttachmentRef> attachments) {
        List<FieldViolation> violations = new ArrayList<>();
        Set<String> present = new LinkedHashSet<>();
        Set<String> reported = new LinkedHashSet<>();
        for (AttachmentRef a : attachments == null ? List.<AttachmentRef>of() : attachments) {
            if (!type.allowsAttachment(a.kind())) {
                if (reported.add(a.kind())) {
                    violations.add(new FieldViolation("attachments." + a.kind(), "ATTACHMENT_NOT_ALLOWED",
                            "「" + DocumentKinds.label(a.kind()) + "」不是「" + type.label() + "」的附件，請移除。"));
                }
                continue;
            }
            present.add(a.kind());
        }
        for (Attachment required : type.attachments()) {
            if (required.required() && !present.contains(required.kind())) {
                violations.add(new FieldViolation("attachments." + required.kind(), "REQUIRED",
                        "請上傳「" + required.label() + "」。"));
            }
        }
        return violations;
    }

    private static List<FieldViolation> acrossFields(FilingType type, FormValues form, UnionProfile profile,
            LocalDate today) {
        List<FieldViolation> violations = new ArrayList<>();
        int thisYear = today.getYear();
        switch (type) {
            case OFFICER_ROSTER -> {
                int officers = form.people("directors").size() + form.people("supervisors").size();
                if (profile.members() != null && profile.members().total() > 0
                        && officers > profile.members().total()) {
                    violations.add(violation(type, "directors", "OFFICERS_EXCEED_MEMBERS",
                            "理事及監事共 " + officers + " 人，超過貴會會員總數 " + profile.members().total()
                                    + " 人，請確認名冊。"));
                }
            }
            case ADDRESS_CHANGE -> form.get("newAddress", Address.class)
                    .filter(address -> sameAddress(address, profile.address()))
                    .ifPresent(address -> violations.add(violation(type, "newAddress", "ADDRESS_UNCHANGED",
                            "新會址與目前會址相同，無須申請會址變更。")));
            case REPRESENTATIVE_CHANGE -> form.get("newRepresentative", String.class)
                    .filter(name -> profile.representative() != null
                            && normalise(name).equals(normalise(profile.representative())))
                    .ifPresent(name -> violations.add(violation(type, "newRepresentative",
                            "REPRESENTATIVE_UNCHANGED", "新負責人與目前負責人（" + profile.representative()
                                    + "）相同，無須申請負責人變更。")));
            case WORK_PLAN_BUDGET -> form.get("year", Integer.class)
                    .filter(year -> year != thisYear && year != thisYear + 1)
                    .ifPresent(year -> violations.add(violation(type, "year", "YEAR_OUT_OF_RANGE",
                            "工作計畫及預算的年度只能是今年（" + thisYear + "）或明年（" + (thisYear + 1) + "）。")));
            case FINAL_ACCOUNTS -> form.get("year", Integer.class)
                    .filter(year -> year >= thisYear)
                    .ifPresent(year -> violations.add(violation(type, "year", "YEAR_NOT_ENDED",
                            "決算年度須為已結束的年度（" + (thisYear - 1) + " 年以前）。")));
            case MEMBERSHIP_AUDIT -> {
                form.get("auditYear", Integer.class).filter(year -> year > thisYear)
                        .ifPresent(year -> violations.add(violation(type, "auditYear", "YEAR_IN_FUTURE",
                                "清查年度不可晚於今年（" + thisYear + "）。")));
                form.get("auditYear", Integer.class).ifPresent(year -> form.get("completedOn", LocalDate.class)
                        .filter(completedOn -> completedOn.getYear() != year)
                        .ifPresent(completedOn -> violations.add(violation(type, "completedOn",
                                "NOT_IN_AUDIT_YEAR", "清查完成日期須在清查年度（" + year + " 年）內。"))));
            }
            default -> {
                // the other types have no rule beyond their fields' own
            }
        }
        return violations;
    }

    static boolean sameAddress(Address a, Address b) {
        return b != null && Objects.equals(a.district(), b.district())
                && normalise(a.street()).equals(normalise(b.street()));
    }

    /** Spaces and the width of digits do not make another address or name. */
    private static String normalise(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        s.codePoints().filter(c -> !Character.isWhitespace(c) && c != '\u3000')
                .map(c -> c >= '\uFF10' && c <= '\uFF19' ? c - '\uFF10' + '0' : c)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static FieldViolation violation(FilingType type, String field, String code, String message) {
        return FormValues.violation(type.field(field).orElseThrow(), code, message);
    }
}
