package tw.laborcloud.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTests {

    @Test
    void emailsKeepTheirFirstLetterAndDomain() {
        assertThat(PersonalData.email("clerk.lin@union.example")).isEqualTo("c***@union.example");
        assertThat(PersonalData.email("not-an-address")).isEqualTo("***");
        assertThat(PersonalData.email(null)).isNull();
    }

    @Test
    void namesKeepTheFamilyNameOnly() {
        assertThat(PersonalData.name("林小華")).isEqualTo("林**");
        assertThat(PersonalData.name("王")).isEqualTo("王*");
        assertThat(PersonalData.name("Chen Mei")).isEqualTo("C*******");
    }

    @Test
    void phonesKeepTheirLastThreeDigits() {
        assertThat(PersonalData.phone("0912-345-678")).isEqualTo("*******678");
        assertThat(PersonalData.phone("02-2960-3456#123")).isEqualTo("**********123");
        assertThat(PersonalData.phone("12")).isEqualTo("***");
    }
}
