package tw.laborcloud.platform.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The prod profile's refusal of development settings, named without their values. */
class ProductionGuardTests {

    private static StandardEnvironment environment(Map<String, Object> properties, String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        environment.setActiveProfiles(profiles);
        return environment;
    }

    @Test
    void underProdADevelopmentSecretOrADefaultPasswordStopsTheStartNamingTheProperty() {
        StandardEnvironment environment = environment(Map.of(
                "laborcloud.keycloak.admin-client-secret", "labor-backend-dev-secret",
                "laborcloud.uploads.ticket-secret", "dev-only-upload-ticket-secret-not-for-production",
                "spring.mail.password", "changeit",
                "laborcloud.kafka.password", "Zk3v0p-RTn8qfW2x9aYcLd4E"), "prod");
        assertThatThrownBy(() -> new ProductionGuard().postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("laborcloud.keycloak.admin-client-secret")
                .hasMessageContaining("laborcloud.uploads.ticket-secret")
                .hasMessageContaining("spring.mail.password")
                .hasMessageNotContaining("laborcloud.kafka.password")
                .hasMessageNotContaining("labor-backend-dev-secret");
    }

    @Test
    void underProdTheFixedCaptchaOfTheTestsIsRefused() {
        assertThatThrownBy(() -> new ProductionGuard().postProcessEnvironment(environment(Map.of(), "prod", "captcha-fixed"),
                new SpringApplication())).hasMessageContaining("captcha-fixed");
    }

    @Test
    void realSecretsUnderProdAndDevelopmentValuesOutsideProdStart() {
        assertThatCode(() -> new ProductionGuard().postProcessEnvironment(environment(Map.of(
                "laborcloud.uploads.ticket-secret", "q8Vb1nR0-x7TzK2mWc5yHd3A9sLpE6fG"), "prod"), new SpringApplication()))
                .doesNotThrowAnyException();
        assertThatCode(() -> new ProductionGuard().postProcessEnvironment(environment(Map.of(
                "laborcloud.uploads.ticket-secret", "dev-only-upload-ticket-secret-not-for-production")),
                new SpringApplication())).doesNotThrowAnyException();
    }
}
