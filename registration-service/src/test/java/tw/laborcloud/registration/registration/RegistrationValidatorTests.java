package tw.laborcloud.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tw.laborcloud.platform.web.FieldViolation;
import tw.laborcloud.registration.account.PasswordPolicy;
import tw.laborcloud.registration.registration.RegistrationRequest.AddressInput;
import tw.laborcloud.registration.registration.RegistrationRequest.CountsInput;

/** Every rule of the registration form, each on its own field with its own message. */
class RegistrationValidatorTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    static List<String> codes(RegistrationRequest r) {
        return RegistrationValidator.validate(r, TODAY).stream().map(v -> v.field() + ":" + v.code()).toList();
    }

    static RegistrationRequest base() {
        return RegistrationForms.valid();
    }

    /** Copy of the valid form with a few fields changed, by a tiny builder over the record. */
    static Form form() {
        return new Form(base());
    }

    record Form(RegistrationRequest r) {
        Form account(String v) { return new Form(new RegistrationRequest(v, r.password(), r.passwordConfirm(), r.unionName(), r.unionType(), r.unionTaxId(), r.representative(), r.industry(), r.address(), r.mailingAddress(), r.foundedOn(), r.members(), r.memberRepresentatives(), r.directors(), r.supervisors(), r.memberUnions(), r.contactName(), r.contactPhone(), r.fax(), r.contactEmail(), r.contactEmailConfirm(), r.backupEmail(), r.harassmentPreventionDone(), r.genderOneThirdRule(), r.joinedHigherUnion(), r.documents(), r.captchaId(), r.captchaAnswer())); }
        Form passwords(String p, String c) { return new Form(new RegistrationRequest(r.account(), p, c, r.unionName(), r.unionType(), r.unionTaxId(), r.representative(), r.industry(), r.address(), r.mailingAddress(), r.foundedOn(), r.members(), r.memberRepresentatives(), r.directors(), r.supervisors(), r.memberUnions(), r.contactName(), r.contactPhone(), r.fax(), r.contactEmail(), r.contactEmailConfirm(), r.backupEmail(), r.harassmentPreventionDone(), r.genderOneThirdRule(), r.joinedHigherUnion(), r.documents(), r.captchaId(), r.captchaAnswer())); }
        Form union(String name, String type, String taxId, BigDecimal memberUnions) { return new Form(new RegistrationRequest(r.account(), r.password(), r.passwordConfirm(), name, type, taxId, r.representative(), r.industry(), r.address(), r.mailingAddress(), r.foundedOn(), r.members(), r.memberRepresentatives(), r.directors(), r.supervisors(), memberUnions, r.contactName(), r.contactPhone(), r.fax(), r.contactEmail(), r.contactEmailConfirm(), r.backupEmail(), r.harassmentPreventionDone(), r.genderOneThirdRule(), r.joinedHigherUnion(), r.documents(), r.captchaId(), r.captchaAnswer())); }
        Form where(String representative, String industry, AddressInput address, AddressInput mailing, String foundedOn) { return new Form(new RegistrationRequest(r.account(), r.password(), r.passwordConfirm(), r.unionName(), r.unionType(), r.unionTaxId(), representative, industry, address, mailing, foundedOn, r.members(), r.memberRepresentatives(), r.directors(), r.supervisors(), r.memberUnions(), r.contactName(), r.contactPhone(), r.fax(), r.contactEmail(), r.contactEmailConfirm(), r.backupEmail(), r.harassmentPreventionDone(), r.genderOneThirdRule(), r.joinedHigherUnion(), r.documents(), r.captchaId(), r.captchaAnswer())); }
        Form counts(CountsInput members, CountsInput representatives, CountsInput directors, CountsInput supervisors) { return new Form(new RegistrationRequest(r.account(), r.password(), r.passwordConfirm(), r.unionName(), r.unionType(), r.unionTaxId(), r.representative(), r.industry(), r.address(), r.mailingAddress(), r.foundedOn(), members, representatives, directors, supervisors, r.memberUnions(), r.contactName(), r.contactPhone(), r.fax(), r.contactEmail(), r.contactEmailConfirm(), r.backupEmail(), r.harassmentPreventionDone(), r.genderOneThirdRule(), r.joinedHigherUnion(), r.documents(), r.captchaId(), r.captchaAnswer())); }
        Form contact(String name, String phone, String fax, String email, String confirm, String backup) { return new Form(new RegistrationRequest(r.account(), r.password(), r.passwordConfirm(), r.unionName(), r.unionType(), r.unionTaxId(), r.representative(), r.industry(), r.address(), r.mailingAddress(), r.foundedOn(), r.members(), r.memberRepresentatives(), r.directors(), r.supervisors(), r.memberUnions(), name, phone, fax, email, confirm, backup, r.harassmentPreventionDone(), r.genderOneThirdRule(), r.joinedHigherUnion(), r.documents(), r.captchaId(), r.captchaAnswer())); }
        Form answers(Boolean harassment, Boolean oneThird, Boolean higher, List<RegistrationRequest.DocumentRef> documents) { return new Form(new RegistrationRequest(r.account(), r.password(), r.passwordConfirm(), r.unionName(), r.unionType(), r.unionTaxId(), r.representative(), r.industry(), r.address(), r.mailingAddress(), r.foundedOn(), r.members(), r.memberRepresentatives(), r.directors(), r.supervisors(), r.memberUnions(), r.contactName(), r.contactPhone(), r.fax(), r.contactEmail(), r.contactEmailConfirm(), r.backupEmail(), harassment, oneThird, higher, documents, r.captchaId(), r.captchaAnswer())); }
    }

    @Test
    void aCompleteFormHasNoViolation() {
        assertThat(codes(base())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "1234567", "123456789", "1234567a", "１２３４５６７８", " 12345678" })
    void theAccountIsExactlyEightAsciiDigits(String account) {
        assertThat(codes(form().account(account).r())).containsExactly("account:ACCOUNT_FORMAT");
    }

    @Test
    void passwordPolicyAndConfirmation() {
        assertThat(codes(form().passwords("abcdefgh", "abcdefgh").r())).containsExactly("password:PASSWORD_POLICY");
        assertThat(RegistrationValidator.validate(form().passwords("abcdefgh", "abcdefgh").r(), TODAY).getFirst().message())
                .isEqualTo("密碼不符規則：需包含數字、需包含大寫字母");
        assertThat(codes(form().passwords("Abcdefg1", "Abcdefg2").r())).containsExactly("passwordConfirm:PASSWORD_MISMATCH");
    }

    @Test
    void aPasswordWithControlCharactersIsRefusedForThat() {
        for (String password : new String[] { "Secret-Pass1\n", "Secret\tPass1", "Secret-Pass1\u0000", "Sec\u007fret-Pass1" }) {
            List<FieldViolation> violations = RegistrationValidator.validate(form().passwords(password, password).r(),
                    TODAY);
            assertThat(violations).extracting(FieldViolation::field, FieldViolation::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("password", "PASSWORD_CONTROL_CHARACTER"));
            assertThat(violations.getFirst().message()).isEqualTo("密碼不能包含控制字元（例如換行或定位字元），請重新輸入");
        }
        // other scripts and symbols are no control characters
        assertThat(codes(form().passwords("密碼Secret-Pass1 ✓", "密碼Secret-Pass1 ✓").r())).isEmpty();
    }

    @Test
    void unionTypeTaxIdAndTheFederationCount() {
        assertThat(codes(form().union("工會", "GUILD", null, null).r())).containsExactly("unionType:UNION_TYPE_UNKNOWN");
        assertThat(codes(form().union("工會", "FEDERATION", null, null).r())).containsExactly("memberUnions:REQUIRED");
        assertThat(codes(form().union("工會", "FEDERATION", null, new BigDecimal("2.5")).r()))
                .containsExactly("memberUnions:COUNT_INVALID");
        assertThat(codes(form().union("工會", "FEDERATION", null, BigDecimal.valueOf(12)).r())).isEmpty();
        assertThat(codes(form().union("工會", "ENTERPRISE", null, BigDecimal.valueOf(12)).r()))
                .containsExactly("memberUnions:ONLY_FOR_FEDERATION");
        assertThat(codes(form().union("工會", "ENTERPRISE", "04595258", null).r()))
                .containsExactly("unionTaxId:TAX_ID_CHECK_DIGIT");
        assertThat(codes(form().union("工會", "ENTERPRISE", "0459525", null).r())).containsExactly("unionTaxId:TAX_ID_FORMAT");
        assertThat(codes(form().union("", "", "", null).r())).containsExactly("unionName:REQUIRED", "unionType:REQUIRED");
    }

    @Test
    void addressesDistrictsIndustryAndTheFoundingDate() {
        assertThat(codes(form().where("", "Z", new AddressInput("信義區", ""), null, "2026-11-28").r()))
                .containsExactly("representative:REQUIRED", "industry:INDUSTRY_UNKNOWN", "address.district:DISTRICT_UNKNOWN",
                        "address.street:REQUIRED", "foundedOn:DATE_IN_FUTURE");
        assertThat(codes(form().where("王", "C", new AddressInput("板橋區", "一路"), new AddressInput("", "二路"), "2026-11-27").r()))
                .containsExactly("mailingAddress.district:REQUIRED");
        assertThat(codes(form().where("王", "C", null, null, "2026/01/01").r()))
                .containsExactly("address.district:REQUIRED", "address.street:REQUIRED", "foundedOn:DATE_FORMAT");
    }

    @Test
    void countsAreWholeAndOfficersCannotOutnumberMembers() {
        CountsInput members = RegistrationForms.counts(5, 5);
        assertThat(codes(form().counts(members, null, RegistrationForms.counts(6, 0), RegistrationForms.counts(3, 2)).r()))
                .containsExactly("directors.total:OFFICERS_EXCEED_MEMBERS");
        assertThat(RegistrationValidator.validate(form().counts(members, null, RegistrationForms.counts(6, 0),
                RegistrationForms.counts(3, 2)).r(), TODAY).getFirst().message())
                .isEqualTo("理事人數加監事人數（11）不能多於會員人數（10）");
        assertThat(codes(form().counts(new CountsInput(new BigDecimal("1.5"), BigDecimal.ONE), null,
                RegistrationForms.counts(1, 0), new CountsInput(BigDecimal.valueOf(-1), BigDecimal.ZERO)).r()))
                .containsExactly("members.male:COUNT_INVALID", "supervisors.male:COUNT_INVALID");
        assertThat(codes(form().counts(null, null, null, null).r()))
                .containsExactly("members.male:REQUIRED", "directors.male:REQUIRED", "supervisors.male:REQUIRED");
        assertThat(codes(form().counts(RegistrationForms.counts(0, 0), null, RegistrationForms.counts(0, 0),
                RegistrationForms.counts(0, 0)).r())).containsExactly("members.total:MEMBERS_NONE");
    }

    @Test
    void contactPhoneFaxAndEmails() {
        assertThat(codes(form().contact("", "12345", "0912345678", "a@b", "a@b", "x").r())).containsExactly(
                "contactName:REQUIRED", "contactPhone:PHONE_FORMAT", "fax:FAX_FORMAT", "contactEmail:EMAIL_FORMAT",
                "backupEmail:EMAIL_FORMAT");
        assertThat(codes(form().contact("林", "0912-345-678", "(02)2960-3457", "a@b.tw", "A@B.TW ", "").r())).isEmpty();
        assertThat(codes(form().contact("林", "0912345678", "", "a@b.tw", "a@c.tw", "").r()))
                .containsExactly("contactEmailConfirm:EMAIL_MISMATCH");
    }

    @Test
    void yesNoAnswersAreRequiredAndDeclaredPreventionNeedsItsEvidence() {
        List<RegistrationRequest.DocumentRef> withoutEvidence = base().documents().stream()
                .filter(d -> !d.kind().equals("HARASSMENT_EVIDENCE")).toList();
        assertThat(codes(form().answers(true, null, null, withoutEvidence).r())).containsExactly(
                "genderOneThirdRule:REQUIRED", "joinedHigherUnion:REQUIRED", "documents.HARASSMENT_EVIDENCE:EVIDENCE_EXPECTED");
        assertThat(codes(form().answers(false, false, false, withoutEvidence).r())).isEmpty();
    }

    @Test
    void theCharterAndTheThreeAttachmentsAreRequiredOnceEach() {
        List<RegistrationRequest.DocumentRef> documents = List.of(
                new RegistrationRequest.DocumentRef("CHARTER", "0f8fad5b-d9cb-469f", null),
                new RegistrationRequest.DocumentRef("CHARTER", "0f8fad5b-d9cb-469e", null),
                new RegistrationRequest.DocumentRef("PHOTO", "0f8fad5b-d9cb-469d", null));
        assertThat(codes(form().answers(false, false, false, documents).r())).containsExactly(
                "documents.CHARTER:DOCUMENT_DUPLICATED", "documents:DOCUMENT_KIND_UNKNOWN",
                "documents.CERTIFICATE_SCAN:REQUIRED", "documents.UNION_SEAL:REQUIRED",
                "documents.REPRESENTATIVE_SEAL:REQUIRED");
    }

    @Test
    void everyMessageIsTraditionalChinese() {
        RegistrationRequest empty = new RegistrationRequest(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        List<FieldViolation> violations = RegistrationValidator.validate(empty, TODAY);
        assertThat(violations).hasSizeGreaterThan(15)
                .allSatisfy(v -> assertThat(v.message()).matches(".*[\\u4e00-\\u9fff].*"));
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
        assertThat(base().toString()).doesNotContain(RegistrationForms.PASSWORD).doesNotContain("林小華");
    }

    @Test
    void aListOfThousandsOfDocumentsIsRefusedWithOneAnswerBeforeItIsWalked() {
        List<RegistrationRequest.DocumentRef> many = java.util.Collections.nCopies(40_000, null);
        List<FieldViolation> violations = RegistrationValidator.validate(form().answers(false, true, false, many).r(), TODAY);
        assertThat(violations).filteredOn(v -> v.field().startsWith("documents"))
                .extracting(FieldViolation::code).containsExactly("DOCUMENTS_TOO_MANY");
    }
}
