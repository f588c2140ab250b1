package tw.laborcloud.registration.captcha;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The fixed test answer can never reach production. */
class FixedCaptchaGuardTests {

    static FixedCaptchaGuard guard(String fixedAnswer, String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return new FixedCaptchaGuard(environment, fixedAnswer);
    }

    @Test
    void productionRefusesToStartWithTheTestProfile() {
        assertThatThrownBy(() -> guard("TEST", "prod", "captcha-fixed").afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("never run in production");
    }

    @Test
    void aFixedAnswerOutsideTheTestProfileIsRefused() {
        assertThatThrownBy(() -> guard("TEST").afterPropertiesSet()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> guard("TEST", "prod").afterPropertiesSet()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void realCaptchasEverywhereElse() {
        assertThatCode(() -> guard("", "prod").afterPropertiesSet()).doesNotThrowAnyException();
        assertThatCode(() -> guard("TEST", "captcha-fixed").afterPropertiesSet()).doesNotThrowAnyException();
    }
}
