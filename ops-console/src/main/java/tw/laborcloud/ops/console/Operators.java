package tw.laborcloud.ops.console;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The operator behind a request, by the user name Keycloak knows them by (for the audit trail). */
public final class Operators {

    private Operators() {
    }

    public static String name(Authentication who) {
        if (who instanceof JwtAuthenticationToken token) {
            String username = token.getToken().getClaimAsString("preferred_username");
            if (username != null && !username.isBlank()) {
                return username;
            }
        }
        return who.getName();
    }
}
