package tw.laborcloud.gateway.portal;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is logged in, for the union portal page (the page itself is the union-UI issue's). */
@RestController
class PortalController {

    @GetMapping("/portal/me")
    Map<String, Object> me(@AuthenticationPrincipal OidcUser user) {
        Object unionId = user.getClaims().get("union_id");
        return Map.of("username", user.getPreferredUsername(), "unionId", unionId == null ? "" : unionId);
    }
}
