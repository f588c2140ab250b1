package tw.laborcloud.document.access;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import jakarta.servlet.http.HttpServletRequest;
import tw.laborcloud.platform.security.Roles;
import tw.laborcloud.platform.security.UnionPrincipal;
import tw.laborcloud.platform.web.ClientAddress;

/**
 * Who asks for a document: name, realm roles, union (for union accounts), and where from.
 * {@code remoteAddress} is the address our gateway saw ({@link ClientAddress}); {@code forwardedFor}
 * keeps the whole header, whose earlier hops are whatever the client claimed.
 */
record Requester(String who, List<String> roles, String unionId, String remoteAddress, String forwardedFor) {

    private static final String ROLE_PREFIX = "ROLE_";
    private static final int MAX_HEADER = 256;

    static Requester of(Authentication authentication, HttpServletRequest request) {
        List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(ROLE_PREFIX))
                .map(a -> a.substring(ROLE_PREFIX.length()))
                .sorted()
                .toList();
        String who = authentication.getName();
        String unionId = null;
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            String username = jwt.getClaimAsString("preferred_username");
            who = username != null ? username : jwt.getSubject();
            unionId = UnionPrincipal.unionId(jwt);
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        return new Requester(who, roles, unionId, cut(ClientAddress.of(request)),
                forwarded == null || forwarded.isBlank() ? null : cut(forwarded));
    }

    boolean isOfficer() {
        return roles.contains(Roles.REVIEWER) || roles.contains(Roles.APPROVER);
    }

    boolean isUnion() {
        return roles.contains(Roles.UNION) && unionId != null;
    }

    private static String cut(String header) {
        return header.length() <= MAX_HEADER ? header : header.substring(0, MAX_HEADER);
    }
}
