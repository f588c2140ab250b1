package tw.laborcloud.gateway.portal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/**
 * Who is logged in, for the portal pages: the login name, the union id (only union accounts
 * carry the {@code union_id} claim, so an officer who logs in here is told this portal is not
 * theirs), and the CSRF token the page's logout form posts back.
 */
@Tag(name = "登入工作階段", description = "入口網站之瀏覽器工作階段（Keycloak 登入後）")
@RestController
class PortalController {

    static final String UNION_ID_CLAIM = "union_id";

    @Operation(summary = "目前登入之工會", description = "登入帳號（立案證書字號）、工會編號、是否為工會帳號，以及登出表單所需之 CSRF 權杖。須已登入。")
    @GetMapping("/portal/me")
    Mono<Map<String, Object>> me(@AuthenticationPrincipal OidcUser user, ServerWebExchange exchange) {
        Object claim = user.getClaims().get(UNION_ID_CLAIM);
        String unionId = claim == null ? "" : claim.toString();
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("username", user.getPreferredUsername() == null ? "" : user.getPreferredUsername());
        me.put("unionId", unionId);
        me.put("union", !unionId.isBlank());
        Mono<CsrfToken> csrf = exchange.getAttribute(CsrfToken.class.getName());
        if (csrf == null) {
            return Mono.just(me);
        }
        // subscribing also writes the XSRF-TOKEN cookie
        return csrf.map(token -> {
            me.put("csrf", Map.of("parameterName", token.getParameterName(), "headerName", token.getHeaderName(),
                    "token", token.getToken()));
            return me;
        }).defaultIfEmpty(me);
    }
}
