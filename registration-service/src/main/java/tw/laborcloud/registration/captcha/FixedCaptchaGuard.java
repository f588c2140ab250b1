package tw.laborcloud.registration.captcha;

import java.util.Arrays;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A fixed captcha answer exists for automated browser tests only: it is accepted only
 * with the {@code captcha-fixed} profile, and the service refuses to start when that
 * profile (or a fixed answer) meets the {@code prod} profile.
 */
@Component
class FixedCaptchaGuard implements InitializingBean {

    static final String TEST_PROFILE = "captcha-fixed";
    static final String PRODUCTION_PROFILE = "prod";

    private final Environment environment;
    private final String fixedAnswer;

    FixedCaptchaGuard(Environment environment, @Value("${laborcloud.captcha.fixed-answer:}") String fixedAnswer) {
        this.environment = environment;
        this.fixedAnswer = fixedAnswer;
    }

    @Override
    public void afterPropertiesSet() {
        boolean production = Arrays.asList(environment.getActiveProfiles()).contains(PRODUCTION_PROFILE);
        boolean testProfile = Arrays.asList(environment.getActiveProfiles()).contains(TEST_PROFILE);
        if (!fixedAnswer.isBlank() && !testProfile) {
            throw new IllegalStateException("laborcloud.captcha.fixed-answer is only allowed with the "
                    + TEST_PROFILE + " profile");
        }
        if (production && (testProfile || !fixedAnswer.isBlank())) {
            throw new IllegalStateException("the " + TEST_PROFILE + " profile must never run in production");
        }
    }
}
