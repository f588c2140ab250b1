package tw.laborcloud.review.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegisterChecksTests {

    @Test
    void namesMatchWhateverTheKeyboardWidthSpacesAndTaiVariant() {
        assertThat(RegisterChecks.sameName("新北市ＡＢＣ　產業工會", "新北市ABC產業工會")).isTrue();
        assertThat(RegisterChecks.sameName("台北客運產業工會", "臺北客運 產業工會")).isTrue();
        assertThat(RegisterChecks.sameName("新北市（板橋）工會", "新北市(板橋)工會")).isTrue();
        assertThat(RegisterChecks.sameName("新北市甲工會", "新北市乙工會")).isFalse();
        assertThat(RegisterChecks.sameName(null, "新北市乙工會")).isFalse();
    }
}
