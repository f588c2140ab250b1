package tw.laborcloud.registration.registration;

/**
 * Taiwan's unified business number (統一編號) check: weights 1,2,1,2,1,2,4,1; add the two
 * digits of each product; the sum must be divisible by 5 (the rule since 2023, of which the
 * old divisible-by-10 rule is a subset). When the 7th digit is 7 its product 28 counts as
 * 10 or as 1 (2+8 = 10, 1+0 = 1), so the sum or the sum plus one may pass.
 */
public final class UnifiedBusinessNumber {

    private static final int[] WEIGHTS = { 1, 2, 1, 2, 1, 2, 4, 1 };

    private UnifiedBusinessNumber() {
    }

    public static boolean isValid(String number) {
        if (number == null || number.length() != 8 || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int product = (number.charAt(i) - '0') * WEIGHTS[i];
            sum += product / 10 + product % 10;
        }
        boolean seventhIsSeven = number.charAt(6) == '7';
        return sum % 5 == 0 || (seventhIsSeven && (sum + 1) % 5 == 0);
    }
}
