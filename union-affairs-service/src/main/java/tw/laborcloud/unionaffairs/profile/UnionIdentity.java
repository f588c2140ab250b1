package tw.laborcloud.unionaffairs.profile;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import tw.laborcloud.platform.security.Roles;
import tw.laborcloud.platform.security.UnionPrincipal;
import tw.laborcloud.platform.web.ApiException;

/** Who asks: the union its token names, or a bureau officer. */
public final class UnionIdentity {

    private static final Set<String> OFFICER_AUTHORITIES = Set.of("ROLE_" + Roles.REVIEWER, "ROLE_" + Roles.APPROVER);

    private UnionIdentity() {
    }

    /** The union the token belongs to; a union token without one is refused. */
    public static String ownUnionId(Jwt jwt) {
        String unionId = UnionPrincipal.unionId(jwt);
        if (unionId == null) {
            throw ApiException.forbidden("NO_UNION_ID", "此帳號未綁定工會，無法查看工會資料，請洽新北市政府勞工局。");
        }
        return unionId;
    }

    /** The name written into histories: the login name (a union's is its certificate number). */
    public static String actor(Jwt jwt) {
        String username = jwt.getClaimAsString("preferred_username");
        return username != null && !username.isBlank() ? username : jwt.getSubject();
    }

    public static boolean isOfficer(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(OFFICER_AUTHORITIES::contains);
    }
}
