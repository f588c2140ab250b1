package tw.laborcloud.registration.account;

import java.util.ArrayList;
import java.util.List;

/**
 * The portal's password rule: at least 8 characters with a digit, a lower-case and an
 * upper-case letter. Returns the unmet rules, in the words the form shows.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    /** Long enough for any pass phrase, short enough to keep hashing cheap. */
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    public static List<String> unmet(String password) {
        List<String> unmet = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            unmet.add("至少 8 個字元");
        }
        if (password != null && password.length() > MAX_LENGTH) {
            unmet.add("最多 128 個字元");
        }
        if (password == null || password.chars().noneMatch(Character::isDigit)) {
            unmet.add("需包含數字");
        }
        if (password == null || password.chars().noneMatch(c -> c >= 'a' && c <= 'z')) {
            unmet.add("需包含小寫字母");
        }
        if (password == null || password.chars().noneMatch(c -> c >= 'A' && c <= 'Z')) {
            unmet.add("需包含大寫字母");
        }
        return unmet;
    }
}
