package tw.laborcloud.platform.security;

import org.springframework.security.oauth2.jwt.Jwt;

/** Reads the union a token belongs to: the {@code union_id} claim Keycloak maps from the user attribute. */
public final class UnionPrincipal {

    public static final String UNION_ID_CLAIM = "union_id";

    private UnionPrincipal() {
    }

    public static String unionId(Jwt jwt) {
        String unionId = jwt.getClaimAsString(UNION_ID_CLAIM);
        return unionId == null || unionId.isBlank() ? null : unionId;
    }
}
