package tw.laborcloud.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tw.laborcloud.platform.web.FieldViolation;

class RegistrationValidatorTests {

    static RegistrationRequest valid() {
        return new RegistrationRequest("12345678", "Abcdefg1", "Abcdefg1", "新北市測試產業工會", "clerk@union.example",
                "clerk@union.example", List.of(new RegistrationRequest.DocumentRef("CHARTER", "0f8fad5b-d9cb-469f-a165-70867728950e")));
    }

    @Test
    void aCompleteRegistrationHasNoViolation() {
        assertThat(RegistrationValidator.validate(valid())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "1234567", "123456789", "1234567a", "１２３４５６７８" })
    void theAccountIsExactlyEightAsciiDigits(String account) {
        RegistrationRequest r = new RegistrationRequest(account, "Abcdefg1", "Abcdefg1", "工會", "a@b.tw", "a@b.tw",
                valid().documents());
        assertThat(codes(RegistrationValidator.validate(r))).containsExactly("account:ACCOUNT_FORMAT");
    }

    @Test
    void everyWrongFieldIsReportedAtOnce() {
        RegistrationRequest r = new RegistrationRequest("", "short", "other", " ", "not-an-email", "", List.of());
        assertThat(codes(RegistrationValidator.validate(r))).containsExactlyInAnyOrder(
                "account:REQUIRED", "password:PASSWORD_POLICY", "passwordConfirm:PASSWORD_MISMATCH",
                "unionName:REQUIRED", "contactEmail:EMAIL_FORMAT", "documents.CHARTER:REQUIRED");
    }

    @Test
    void theConfirmationMustRepeatTheEmail() {
        RegistrationRequest r = new RegistrationRequest("12345678", "Abcdefg1", "Abcdefg1", "工會", "a@b.tw", "a@c.tw",
                valid().documents());
        assertThat(codes(RegistrationValidator.validate(r))).containsExactly("contactEmailConfirm:EMAIL_MISMATCH");
    }

    @Test
    void aKindMayBeUploadedOnceAndMustBeKnown() {
        RegistrationRequest r = new RegistrationRequest("12345678", "Abcdefg1", "Abcdefg1", "工會", "a@b.tw", "a@b.tw",
                List.of(new RegistrationRequest.DocumentRef("CHARTER", "0f8fad5b-d9cb-469f"),
                        new RegistrationRequest.DocumentRef("CHARTER", "0f8fad5b-d9cb-469e"),
                        new RegistrationRequest.DocumentRef("PHOTO", "0f8fad5b-d9cb-469d")));
        assertThat(codes(RegistrationValidator.validate(r))).containsExactlyInAnyOrder(
                "documents.CHARTER:DOCUMENT_DUPLICATED", "documents:DOCUMENT_KIND_UNKNOWN");
    }

    @Test
    void passwordPolicyNamesEachUnmetRule() {
        assertThat(PasswordPolicy.unmet("abcdefgh")).containsExactly("需包含數字", "需包含大寫字母");
        assertThat(PasswordPolicy.unmet("ABCDEFG1")).containsExactly("需包含小寫字母");
        assertThat(PasswordPolicy.unmet("Ab1")).containsExactly("至少 8 個字元");
        assertThat(PasswordPolicy.unmet("Abcdefg1")).isEmpty();
    }

    @Test
    void theRequestNeverPrintsItsPassword() {
        assertThat(valid().toString()).doesNotContain("Abcdefg1");
    }

    private static List<String> codes(List<FieldViolation> violations) {
        return violations.stream().map(v -> v.field() + ":" + v.code()).toList();
    }
}
