package tw.laborcloud.gateway.config;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Under the {@code prod} profile the gateway does not start with the development realm's client
 * secrets (they are in the repository): each must come from the environment. The services have the
 * same rule for every secret of theirs (platform's {@code ProductionGuard}).
 */
@Component
@Profile("prod")
class ProductionSecrets {

    static final List<String> CLIENT_SECRETS = List.of(
            "spring.security.oauth2.client.registration.keycloak.client-secret",
            "spring.security.oauth2.client.registration.keycloak-staff.client-secret");

    ProductionSecrets(Environment environment) {
        List<String> refused = new ArrayList<>();
        for (String name : CLIENT_SECRETS) {
            String value = environment.getProperty(name, "");
            if (value.isBlank() || value.endsWith("-dev-secret")) {
                refused.add(name);
            }
        }
        if (!refused.isEmpty()) {
            throw new IllegalStateException("the prod profile refuses to start with the development realm's client "
                    + "secrets: " + String.join(", ", refused) + " (set LABORCLOUD_GATEWAY_CLIENT_SECRET and "
                    + "LABORCLOUD_REVIEW_CLIENT_SECRET; see docs/security.md)");
        }
    }
}
