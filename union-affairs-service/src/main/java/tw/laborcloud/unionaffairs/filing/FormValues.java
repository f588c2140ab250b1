package tw.laborcloud.unionaffairs.filing;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import tw.laborcloud.events.affairs.FilingSubmitted.FormField;
import tw.laborcloud.events.registration.NewTaipeiDistricts;
import tw.laborcloud.events.registration.UnionDetails.Address;
import tw.laborcloud.events.registration.UnionDetails.Counts;
import tw.laborcloud.platform.web.FieldViolation;

/**
 * A filing's form as typed values: the JSON the union sent (kept as sent in the filing, so
 * a draft may be partial or wrong) read against the type's fields. Each field's own rule
 * (required, format, range, not in the future) is checked here; the rules across fields
 * and against the profile are {@link FilingRules}'.
 * <p>
 * Values: DATE {@link LocalDate}, NUMBER {@link Long}, YEAR {@link Integer}, TEXT and CHOICE
 * {@link String}, ADDRESS {@link Address} (postal code from the district), COUNTS
 * {@link Counts} (total computed), NAMES a list of {@link Person}.
 */
final class FormValues {

    static final int MAX_NAMES = 200;
    private static final int MAX_YEAR_DISTANCE = 100;

    /** A director or supervisor: name and gender (M/F). */
    record Person(String name, String gender) {
    }

    private final FilingType type;
    private final Map<String, Object> values;
    private final List<FieldViolation> violations;

    private FormValues(FilingType type, Map<String, Object> values, List<FieldViolation> violations) {
        this.type = type;
        this.values = values;
        this.violations = violations;
    }

    /** Reads every field of the type; {@code today} (Taipei) is what "not in the future" means. */
    static FormValues read(FilingType type, Map<String, ?> form, LocalDate today) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<FieldViolation> violations = new ArrayList<>();
        Map<String, ?> raw = form == null ? Map.of() : form;
        for (FieldSpec field : type.fields()) {
            Object value = raw.get(field.name());
            if (isEmpty(value)) {
                if (field.required()) {
                    violations.add(violation(field, "REQUIRED", requiredMessage(field)));
                }
                continue;
            }
            try {
                Object typed = typed(field, value, today);
                values.put(field.name(), typed);
            } catch (Invalid e) {
                violations.add(violation(field, e.code, e.getMessage()));
            }
        }
        return new FormValues(type, values, violations);
    }

    List<FieldViolation> violations() {
        return violations;
    }

    <T> Optional<T> get(String name, Class<T> type) {
        return Optional.ofNullable(values.get(name)).filter(type::isInstance).map(type::cast);
    }

    @SuppressWarnings("unchecked")
    List<Person> people(String name) {
        return values.get(name) instanceof List<?> list ? (List<Person>) list : List.of();
    }

    /** The answers as label/value pairs an officer reads, in the form's order; the empty ones left out. */
    List<FormField> display() {
        List<FormField> pairs = new ArrayList<>();
        for (FieldSpec field : type.fields()) {
            Object value = values.get(field.name());
            if (value != null) {
                pairs.add(new FormField(field.name(), field.label(), format(field, value)));
            }
        }
        return pairs;
    }

    static FieldViolation violation(FieldSpec field, String code, String message) {
        return new FieldViolation("form." + field.name(), code, message);
    }

    static String format(Address a) {
        return a.postalCode() + " " + a.city() + a.district() + a.street();
    }

    static String format(Counts c) {
        return "男 " + c.male() + " 人、女 " + c.female() + " 人，合計 " + c.total() + " 人";
    }

    private static String format(FieldSpec field, Object value) {
        return switch (value) {
            case Address a -> format(a);
            case Counts c -> format(c);
            case List<?> people -> people.stream().map(p -> (Person) p)
                    .map(p -> p.name() + "（" + ("M".equals(p.gender()) ? "男" : "女") + "）")
                    .collect(Collectors.joining("、"));
            case Long amount when field.kind() == FieldSpec.Kind.NUMBER && field.name().matches(
                    "budgetTotal|income|expenditure") -> "新臺幣 " + NumberFormat.getIntegerInstance(Locale.TAIWAN)
                            .format(amount) + " 元";
            case String code when field.kind() == FieldSpec.Kind.CHOICE -> field.choiceLabel(code);
            default -> String.valueOf(value);
        };
    }

    private static Object typed(FieldSpec field, Object value, LocalDate today) {
        return switch (field.kind()) {
            case TEXT -> text(field, value);
            case CHOICE -> choice(field, value);
            case DATE -> date(field, value, today);
            case NUMBER -> number(field, value);
            case YEAR -> year(field, value, today);
            case ADDRESS -> address(field, value);
            case COUNTS -> counts(field, value);
            case NAMES -> names(field, value);
        };
    }

    private static String text(FieldSpec field, Object value) {
        if (!(value instanceof String s)) {
            throw new Invalid("INVALID_VALUE", "「" + field.label() + "」請填寫文字。");
        }
        String text = s.strip();
        if (text.length() > field.maxLength()) {
            throw new Invalid("TOO_LONG", "「" + field.label() + "」最多 " + field.maxLength() + " 字。");
        }
        return text;
    }

    private static String choice(FieldSpec field, Object value) {
        if (!(value instanceof String code) || field.choices().stream().noneMatch(c -> c.code().equals(code))) {
            throw new Invalid("INVALID_CHOICE", "請從選項中選擇「" + field.label() + "」。");
        }
        return code;
    }

    private static LocalDate date(FieldSpec field, Object value, LocalDate today) {
        LocalDate date;
        try {
            date = LocalDate.parse(String.valueOf(value).strip());
        } catch (DateTimeParseException e) {
            throw new Invalid("INVALID_DATE", "「" + field.label() + "」不是有效的日期（格式：2026-01-31）。");
        }
        if (Math.abs(date.getYear() - today.getYear()) > MAX_YEAR_DISTANCE) {
            throw new Invalid("INVALID_DATE", "「" + field.label() + "」的年份不合理，請確認。");
        }
        if (field.notFuture() && date.isAfter(today)) {
            throw new Invalid("DATE_IN_FUTURE", "「" + field.label() + "」不可晚於今天（" + today + "）。");
        }
        return date;
    }

    private static long number(FieldSpec field, Object value) {
        long number = integer(field, value);
        if (number < field.min()) {
            throw new Invalid("TOO_SMALL", "「" + field.label() + "」不可小於 " + field.min() + "。");
        }
        return number;
    }

    private static int year(FieldSpec field, Object value, LocalDate today) {
        long year = integer(field, value);
        if (Math.abs(year - today.getYear()) > MAX_YEAR_DISTANCE) {
            throw new Invalid("INVALID_YEAR", "「" + field.label() + "」請填寫西元年，例如 " + today.getYear() + "。");
        }
        return (int) year;
    }

    private static long integer(FieldSpec field, Object value) {
        try {
            BigDecimal number = value instanceof Number n ? new BigDecimal(n.toString())
                    : new BigDecimal(String.valueOf(value).strip().replace(",", ""));
            return number.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new Invalid("NOT_AN_INTEGER", "「" + field.label() + "」請填寫整數。");
        }
    }

    private static Address address(FieldSpec field, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new Invalid("INVALID_VALUE", "「" + field.label() + "」請選擇行政區並填寫街道門牌。");
        }
        String district = map.get("district") instanceof String d ? d.strip() : "";
        String street = map.get("street") instanceof String s ? s.strip() : "";
        Optional<String> postalCode = NewTaipeiDistricts.postalCodeOf(district);
        if (postalCode.isEmpty()) {
            throw new Invalid("UNKNOWN_DISTRICT", "「" + field.label() + "」請選擇新北市的行政區。");
        }
        if (street.isEmpty()) {
            throw new Invalid("STREET_REQUIRED", "「" + field.label() + "」請填寫街道門牌。");
        }
        if (street.length() > 100) {
            throw new Invalid("TOO_LONG", "「" + field.label() + "」的街道門牌最多 100 字。");
        }
        return new Address(postalCode.get(), NewTaipeiDistricts.CITY, district, street);
    }

    private static Counts counts(FieldSpec field, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new Invalid("INVALID_VALUE", "「" + field.label() + "」請填寫男、女人數。");
        }
        long male = count(field, map.get("male"));
        long female = count(field, map.get("female"));
        if (male + female < 1) {
            throw new Invalid("TOO_SMALL", "「" + field.label() + "」合計至少 1 人。");
        }
        if (male + female > 10_000_000) {
            throw new Invalid("TOO_LARGE", "「" + field.label() + "」人數不合理，請確認。");
        }
        return new Counts((int) male, (int) female, (int) (male + female));
    }

    private static long count(FieldSpec field, Object value) {
        if (isEmpty(value)) {
            throw new Invalid("REQUIRED", "「" + field.label() + "」請填寫男、女人數（沒有請填 0）。");
        }
        long n = integer(field, value);
        if (n < 0) {
            throw new Invalid("TOO_SMALL", "「" + field.label() + "」人數不可為負數。");
        }
        return n;
    }

    private static List<Person> names(FieldSpec field, Object value) {
        if (!(value instanceof List<?> list)) {
            throw new Invalid("INVALID_VALUE", "「" + field.label() + "」請逐一填寫姓名與性別。");
        }
        if (list.size() > MAX_NAMES) {
            throw new Invalid("TOO_MANY", "「" + field.label() + "」最多 " + MAX_NAMES + " 位。");
        }
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String which = "「" + field.label() + "」第 " + (i + 1) + " 位";
            if (!(list.get(i) instanceof Map<?, ?> person)) {
                throw new Invalid("INVALID_VALUE", which + "請填寫姓名與性別。");
            }
            String name = person.get("name") instanceof String n ? n.strip() : "";
            Object gender = person.get("gender");
            if (name.isEmpty()) {
                throw new Invalid("NAME_REQUIRED", which + "請填寫姓名。");
            }
            if (name.length() > 50) {
                throw new Invalid("TOO_LONG", which + "的姓名最多 50 字。");
            }
            if (!"M".equals(gender) && !"F".equals(gender)) {
                throw new Invalid("GENDER_REQUIRED", which + "請選擇性別。");
            }
            people.add(new Person(name, (String) gender));
        }
        if (people.isEmpty()) {
            throw new Invalid("REQUIRED", requiredMessage(field));
        }
        return List.copyOf(people);
    }

    private static String requiredMessage(FieldSpec field) {
        return switch (field.kind()) {
            case NAMES -> "請至少填寫一位" + field.label() + "。";
            case CHOICE, ADDRESS -> "請選擇或填寫「" + field.label() + "」。";
            default -> "請填寫「" + field.label() + "」。";
        };
    }

    static boolean isEmpty(Object value) {
        return value == null || value instanceof String s && s.isBlank()
                || value instanceof List<?> l && l.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty();
    }

    /** A field whose value is not what its kind accepts; the message names the field. */
    private static final class Invalid extends RuntimeException {
        private final String code;

        Invalid(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
