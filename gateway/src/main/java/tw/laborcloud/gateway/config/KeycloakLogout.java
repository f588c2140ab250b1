package tw.laborcloud.gateway.config;

import java.net.URI;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/**
 * After the gateway's own logout, ends the Keycloak session too (OIDC RP-initiated logout) and
 * comes back to the landing page; otherwise the next "以工會身分登入" would log the same union in
 * without asking. The provider is configured with explicit endpoints (so the gateway starts while
 * Keycloak is down), hence no discovered {@code end_session_endpoint}: this names Keycloak's.
 */
final class KeycloakLogout implements ServerLogoutSuccessHandler {

    private final String endSessionEndpoint;
    private final ReactiveClientRegistrationRepository clients;
    private final ServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

    KeycloakLogout(String keycloakPublicUrl, String realm, ReactiveClientRegistrationRepository clients) {
        this.endSessionEndpoint = keycloakPublicUrl.replaceAll("/+$", "") + "/realms/" + realm
                + "/protocol/openid-connect/logout";
        this.clients = clients;
    }

    @Override
    public Mono<Void> onLogoutSuccess(WebFilterExchange exchange, Authentication authentication) {
        URI landing = UriComponentsBuilder.fromUri(exchange.getExchange().getRequest().getURI())
                .replacePath("/").replaceQuery(null).fragment(null).build().toUri();
        if (!(authentication instanceof OAuth2AuthenticationToken token)
                || !(token.getPrincipal() instanceof OidcUser user)) {
            return redirect.sendRedirect(exchange.getExchange(), landing);
        }
        return clients.findByRegistrationId(token.getAuthorizedClientRegistrationId())
                .map(client -> UriComponentsBuilder.fromUriString(endSessionEndpoint)
                        .queryParam("client_id", client.getClientId())
                        .queryParam("id_token_hint", user.getIdToken().getTokenValue())
                        .queryParam("post_logout_redirect_uri", landing.toString())
                        .encode().build().toUri())
                .defaultIfEmpty(landing)
                .flatMap(target -> redirect.sendRedirect(exchange.getExchange(), target));
    }
}
