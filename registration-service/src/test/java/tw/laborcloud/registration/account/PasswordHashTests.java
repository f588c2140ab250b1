package tw.laborcloud.registration.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class PasswordHashTests {

    @Test
    void theHashVerifiesTheRightPasswordOnlyAndUsesAFreshSalt() {
        PasswordHash first = PasswordHash.of("Abcdefg1");
        PasswordHash second = PasswordHash.of("Abcdefg1");
        assertThat(first.matches("Abcdefg1")).isTrue();
        assertThat(first.matches("Abcdefg2")).isFalse();
        assertThat(first.salt()).isNotEqualTo(second.salt());
        assertThat(first.value()).isNotEqualTo(second.value());
    }

    @Test
    void keycloakDataIsJsonInItsPbkdf2Sha512Shape() {
        PasswordHash hash = PasswordHash.of("Abcdefg1");
        assertThat(hash.credentialData())
                .isEqualTo("{\"hashIterations\":210000,\"algorithm\":\"pbkdf2-sha512\",\"additionalParameters\":{}}");
        assertThat(hash.secretData()).contains("\"salt\":\"" + hash.salt() + "\"").doesNotContain("Abcdefg1");
        assertThat(Base64.getDecoder().decode(hash.value())).hasSize(64);
        assertThat(hash.toString()).doesNotContain(hash.value());
    }

    @Test
    void backoffDoublesUpToFiveMinutes() {
        assertThat(AccountActivator.backoff(1)).hasSeconds(2);
        assertThat(AccountActivator.backoff(3)).hasSeconds(8);
        assertThat(AccountActivator.backoff(30)).hasMinutes(5);
    }
}
