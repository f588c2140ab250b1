package tw.laborcloud.document;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.UUID;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Tokens shaped like Keycloak's for MockMvc: an officer by realm role, a union by its union_id claim. */
public final class Tokens {

    private Tokens() {
    }

    public static RequestPostProcessor officer(String role) {
        return jwt().jwt(j -> j.subject(UUID.randomUUID().toString()).claim("preferred_username", "officer-" + role))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    public static RequestPostProcessor union(String unionId) {
        return jwt().jwt(j -> j.subject(UUID.randomUUID().toString()).claim("preferred_username", "union-" + unionId)
                        .claim("union_id", unionId))
                .authorities(new SimpleGrantedAuthority("ROLE_union"));
    }
}
