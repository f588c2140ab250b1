package tw.laborcloud.platform.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Under the {@code prod} profile a service does not start with anything of development: a secret or
 * password that is empty, a well-known default, or one of the repository's development values (they
 * all say so: {@code -dev-secret}, {@code dev-only-}, {@code not-for-production}), nor with a development profile such as {@code captcha-fixed}. The refusal names the
 * properties (never their values), so that operations can set them from the environment.
 */
public class ProductionGuard implements EnvironmentPostProcessor, Ordered {

    static final String PROD = "prod";
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|password)$");
    /** How the repository's development values read: labor-backend-dev-secret, dev-only-..., ...-not-for-production. */
    private static final Pattern DEVELOPMENT_VALUE = Pattern.compile("(?i)(^dev-|-dev-|dev-secret|not-for-production)");
    private static final Set<String> WELL_KNOWN = Set.of("admin", "password", "secret", "changeit", "changeme", "test");
    private static final Set<String> DEVELOPMENT_PROFILES = Set.of("captcha-fixed", "dev", "test");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Arrays.asList(environment.getActiveProfiles()).contains(PROD)) {
            return;
        }
        Set<String> refused = new TreeSet<>();
        for (String profile : environment.getActiveProfiles()) {
            if (DEVELOPMENT_PROFILES.contains(profile)) {
                refused.add("spring.profiles.active (" + profile + ")");
            }
        }
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (SECRET_NAME.matcher(name).matches() && isDevelopmentValue(environment, name)) {
                        refused.add(name);
                    }
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new IllegalStateException("the prod profile refuses to start with development settings: "
                    + String.join(", ", refused)
                    + " (set every secret and password from the environment; see docs/security.md)");
        }
    }

    private static boolean isDevelopmentValue(ConfigurableEnvironment environment, String name) {
        String value;
        try {
            value = environment.getProperty(name);
        } catch (IllegalArgumentException unresolvable) {
            return true; // a placeholder with no value in the environment
        }
        if (value == null || value.isBlank()) {
            return true;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return DEVELOPMENT_VALUE.matcher(value).find() || WELL_KNOWN.contains(lower);
    }

    /** After the configuration files and the platform's defaults are in. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
