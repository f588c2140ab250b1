package tw.laborcloud.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

class UnifiedBusinessNumberTests {

    @ParameterizedTest
    @ValueSource(strings = { "22099131", "04595257", "10458570", "53212539" })
    void realNumbersPass(String number) {
        assertThat(UnifiedBusinessNumber.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "22099132", "04595258", "1234567", "123456789", "abcdefgh", "" })
    void wrongCheckDigitsAndShapesFail(String number) {
        assertThat(UnifiedBusinessNumber.isValid(number)).isFalse();
    }

    /** The last digit has weight 1: of its ten values exactly two, five apart, make the sum divisible by 5. */
    @Property
    void withoutASeventhDigitSevenExactlyTwoFinalDigitsPass(@ForAll @NumericChars @StringLength(7) String prefix) {
        net.jqwik.api.Assume.that(prefix.charAt(6) != '7');
        int[] passing = IntStream.range(0, 10).filter(d -> UnifiedBusinessNumber.isValid(prefix + d)).toArray();
        assertThat(passing).hasSize(2);
        assertThat(passing[1] - passing[0]).isEqualTo(5);
    }

    /** A seventh digit 7 may count its product 28 as 10 or 1: one more final digit per pair passes. */
    @Property
    void aSeventhDigitSevenAllowsTheSumOrTheSumPlusOne(@ForAll @NumericChars @StringLength(6) String head) {
        String prefix = head + "7";
        long passing = IntStream.range(0, 10).filter(d -> UnifiedBusinessNumber.isValid(prefix + d)).count();
        assertThat(passing).isEqualTo(4);
    }

    /** The old rule (divisible by 10) is a subset of the new one. */
    @Property
    void everyNumberValidUnderTheOldRuleIsValid(@ForAll @IntRange(min = 0, max = 9_999_999) int seed) {
        String prefix = String.format("%07d", seed);
        for (int d = 0; d < 10; d++) {
            String n = prefix + d;
            if (oldRule(n)) {
                assertThat(UnifiedBusinessNumber.isValid(n)).as(n).isTrue();
            }
        }
    }

    private static boolean oldRule(String n) {
        int[] w = { 1, 2, 1, 2, 1, 2, 4, 1 };
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int p = (n.charAt(i) - '0') * w[i];
            sum += p / 10 + p % 10;
        }
        return sum % 10 == 0 || (n.charAt(6) == '7' && (sum + 1) % 10 == 0);
    }
}
