package tw.laborcloud.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.server.PathContainer;

/**
 * The rules as application.yml writes them: each counts what its label says and nothing else, so that opening a
 * page does not use up an applicant's look-ups.
 */
class RateLimitRulesTests {

    @Test
    void theStatusLimitCountsLookUpsOfAnApplicationNotThePagesReferenceDataOrTheCaptcha() throws Exception {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yml",
                new ClassPathResource("application.yml"));
        RateLimitRules rules = new Binder(ConfigurationPropertySources.from(yaml))
                .bind("laborcloud.rate-limits", RateLimitRules.class).get();
        RateLimitRules.Rule status = rules.rules().stream().filter(r -> r.name().equals("status")).findFirst()
                .orElseThrow();

        assertThat(status.pattern().matches(PathContainer.parsePath("/api/registrations/R20261203-3DASGF"))).isTrue();
        assertThat(status.pattern().matches(PathContainer.parsePath("/api/registrations/reference-data"))).isFalse();
        assertThat(status.pattern().matches(PathContainer.parsePath("/api/registrations/captcha"))).isFalse();
        assertThat(status.pattern().matches(PathContainer.parsePath("/api/registrations/R20261203-3DASGF/copy.pdf")))
                .isFalse();
    }
}
