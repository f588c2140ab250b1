package tw.laborcloud.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import tw.laborcloud.events.registration.UnionDetails;

class CountsAndPhonesTests {

    /** The form computes 總數; the server never takes a total from the client. */
    @Property
    void theTotalIsAlwaysMenPlusWomen(@ForAll @IntRange(min = 0, max = 1_000_000) int male,
            @ForAll @IntRange(min = 0, max = 1_000_000) int female) {
        RegistrationRequest r = RegistrationForms.valid();
        RegistrationRequest withCounts = new RegistrationRequest(r.account(), r.password(), r.passwordConfirm(),
                r.unionName(), r.unionType(), r.unionTaxId(), r.representative(), r.industry(), r.address(),
                r.mailingAddress(), r.foundedOn(), RegistrationForms.counts(male, female), null, r.directors(),
                r.supervisors(), r.memberUnions(), r.contactName(), r.contactPhone(), r.fax(), r.contactEmail(),
                r.contactEmailConfirm(), r.backupEmail(), r.harassmentPreventionDone(), r.genderOneThirdRule(),
                r.joinedHigherUnion(), r.documents(), r.captchaId(), r.captchaAnswer());
        UnionDetails.Counts counts = RegistrationService.details(withCounts).members();
        assertThat(counts.total()).isEqualTo(male + female);
    }

    @ParameterizedTest
    @ValueSource(strings = { "02-2960-3456", "(02)29603456", "02 2960 3456#123", "0912-345-678", "0912345678",
            "037-123456", "049-2345678分機12", "(07)555-1234 轉 8", "089-123456 ext. 5" })
    void taiwanPhonesPass(String phone) {
        assertThat(PhoneNumbers.isPhone(phone)).as(phone).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "12345", "0812", "+1 555 1234", "0912-345-67", "02-2960-3456#1234567", "電話" })
    void otherTextFails(String phone) {
        assertThat(PhoneNumbers.isPhone(phone)).as(phone).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "user@qq.com", "USER@163.COM", "a@126.com", "b@yeah.net", "c@vip.qq.com" })
    void freeMailboxesAreWarnedAbout(String email) {
        assertThat(ReferenceData.isUnreliableMailbox(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "a@gmail.com", "a@ntpc.gov.tw", "a@myqq.com" })
    void otherMailboxesAreNot(String email) {
        assertThat(ReferenceData.isUnreliableMailbox(email)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "板橋區:220", "石門區:253", "烏來區:233" })
    void postalCodesFollowTheDistrict(String pair) {
        String[] p = pair.split(":");
        assertThat(ReferenceData.postalCodeOf(p[0])).hasValue(p[1]);
        assertThat(ReferenceData.DISTRICTS).hasSize(29);
        assertThat(ReferenceData.INDUSTRIES).hasSize(19);
    }
}
