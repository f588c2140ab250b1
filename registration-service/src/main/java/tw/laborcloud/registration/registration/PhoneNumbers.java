package tw.laborcloud.registration.registration;

import java.util.regex.Pattern;

/**
 * Taiwan phone numbers as clerks type them: a mobile (09xx-xxx-xxx) or a landline with
 * its area code ((02)2960-3456, 02-29603456), optionally an extension (#123, 分機123,
 * 轉123, ext. 123). Spaces, hyphens and parentheses are ignored.
 */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()（）]");
    private static final Pattern MOBILE = Pattern.compile("09\\d{8}");
    // area codes 02-089: 0 + 1-3 digits, then a 5-8 digit local number; 9-10 digits in all
    private static final Pattern LANDLINE = Pattern.compile("0[2-8]\\d{7,8}");
    private static final Pattern EXTENSION = Pattern.compile("(.*?)(?:#|分機|轉|ext\\.?|EXT\\.?)(\\d{1,6})$");

    private PhoneNumbers() {
    }

    public static boolean isPhone(String value) {
        String number = numberPart(value);
        return number != null && (MOBILE.matcher(number).matches() || LANDLINE.matcher(number).matches());
    }

    /** A fax is a landline; extensions make no sense for it. */
    public static boolean isFax(String value) {
        if (value == null) {
            return false;
        }
        String compact = SEPARATORS.matcher(value).replaceAll("");
        return LANDLINE.matcher(compact).matches();
    }

    private static String numberPart(String value) {
        if (value == null || value.isBlank() || value.length() > 30) {
            return null;
        }
        String compact = SEPARATORS.matcher(value.strip()).replaceAll("");
        var extension = EXTENSION.matcher(compact);
        return extension.matches() ? extension.group(1) : compact;
    }
}
