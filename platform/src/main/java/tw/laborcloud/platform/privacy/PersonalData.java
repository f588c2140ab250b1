package tw.laborcloud.platform.privacy;

/**
 * Masks personal data for log lines and operator views: enough left to recognise a record,
 * not enough to contact or identify the person.
 */
public final class PersonalData {

    private PersonalData() {
    }

    /** {@code clerk.lin@union.example} becomes {@code c***@union.example}. */
    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    /** {@code 林小華} becomes {@code 林**}: the family name only. */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String stripped = name.strip();
        return stripped.substring(0, stripped.offsetByCodePoints(0, 1)) + "*".repeat(Math.max(1,
                stripped.codePointCount(0, stripped.length()) - 1));
    }

    /** Keeps the last three digits: {@code 0912-345-678} becomes {@code *******678}. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() <= 3) {
            return "***";
        }
        return "*".repeat(digits.length() - 3) + digits.substring(digits.length() - 3);
    }
}
