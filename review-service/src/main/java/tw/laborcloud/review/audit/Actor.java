package tw.laborcloud.review.audit;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import jakarta.servlet.http.HttpServletRequest;
import tw.laborcloud.platform.web.ClientAddress;

/** The officer behind a request, from the Keycloak token, and the address it came from. */
public record Actor(String username, List<String> roles, String remoteAddress) {

    private static final String ROLE_PREFIX = "ROLE_";

    public static Actor of(Authentication authentication, HttpServletRequest request) {
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(ROLE_PREFIX)).map(a -> a.substring(ROLE_PREFIX.length())).sorted().toList();
        String username = authentication.getName();
        if (authentication instanceof JwtAuthenticationToken token
                && token.getToken().getClaimAsString("preferred_username") != null) {
            username = token.getToken().getClaimAsString("preferred_username");
        }
        return new Actor(username, roles, ClientAddress.of(request));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
