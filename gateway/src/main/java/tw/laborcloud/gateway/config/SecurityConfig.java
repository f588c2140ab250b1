package tw.laborcloud.gateway.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

import reactor.core.publisher.Mono;

/**
 * The gateway logs browsers in through Keycloak (OIDC) and relays their tokens; the API
 * itself is authorised by each service from the bearer token, so /api/** passes here.
 */
@Configuration
@EnableWebFluxSecurity
class SecurityConfig {

    static final String SESSION_COOKIE = "SESSION";
    static final String LOGIN_PATH = "/oauth2/authorization/keycloak";
    /** Bureau staff log in through their own client, whose Keycloak login page says so. */
    static final String STAFF_LOGIN_PATH = "/oauth2/authorization/keycloak-staff";
    /** The portal is in Traditional Chinese; Keycloak's login page follows, whatever the browser asks for. */
    static final String LOGIN_LOCALE = "zh-TW";

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, ReactiveClientRegistrationRepository clients,
            @Value("${laborcloud.keycloak.public-url}") String keycloakPublicUrl,
            @Value("${laborcloud.keycloak.realm}") String realm) {
        // ends the Keycloak session too (RP-initiated logout), then back to the landing page
        KeycloakLogout logout = new KeycloakLogout(keycloakPublicUrl, realm, clients);
        // remembers the page that asked for login (e.g. /portal) so that the login ends there
        RedirectServerAuthenticationEntryPoint toLogin = new RedirectServerAuthenticationEntryPoint(LOGIN_PATH);
        RedirectServerAuthenticationEntryPoint toStaffLogin = new RedirectServerAuthenticationEntryPoint(STAFF_LOGIN_PATH);
        return http
                .authorizeExchange(ex -> ex
                        .pathMatchers("/", "/index.html", "/css/**", "/js/**", "/web/**", "/favicon.ico").permitAll()
                        // the registration pages are for unions without an account yet
                        .pathMatchers("/register", "/register/**").permitAll()
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // the API descriptions and the Swagger UI page that shows them: public, as the APIs' existence is
                        .pathMatchers("/api-docs/*", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        // every service names the owner role of each of its endpoints
                        .pathMatchers("/api/**").permitAll()
                        .pathMatchers("/portal", "/portal/**").authenticated()
                        // the ops console's page: the console itself requires role ops from the relayed token
                        .pathMatchers("/ops", "/ops/**").authenticated()
                        // the officers' pages: review-service requires role reviewer or approver from the token
                        .pathMatchers("/review", "/review/**").authenticated()
                        .anyExchange().denyAll())
                // the browser session only where the browser has one (ExistingSessions)
                .securityContextRepository(ExistingSessions.securityContexts())
                .requestCache(cache -> cache.requestCache(ExistingSessions.savedRequests()))
                .oauth2Login(login -> login.authorizationRequestResolver(authorizationRequests(clients)))
                .logout(l -> l.logoutSuccessHandler(logout))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        // the pages' scripts send the XSRF-TOKEN cookie's value back in X-XSRF-TOKEN as is;
                        // the default (XOR-masked) handler would expect the masked form only /portal/me hands out
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(unsafeRequestWithSession()))
                .exceptionHandling(e -> e.authenticationEntryPoint((exchange, ex) -> {
                    // API callers get 401; browsers are sent to the Keycloak login
                    String path = exchange.getRequest().getPath().value();
                    if (path.startsWith("/api/")) {
                        exchange.getResponse().setStatusCode(org.springframework.http.HttpStatus.UNAUTHORIZED);
                        return exchange.getResponse().setComplete();
                    }
                    return isStaffPage(path) ? toStaffLogin.commence(exchange, ex) : toLogin.commence(exchange, ex);
                }))
                .build();
    }

    static boolean isStaffPage(String path) {
        return path.equals("/review") || path.startsWith("/review/") || path.equals("/ops") || path.startsWith("/ops/");
    }

    /**
     * Authorization requests to Keycloak with PKCE (the realm's client requires S256) and
     * {@code ui_locales=zh-TW}: Keycloak ranks that hint above the browser's Accept-Language, and
     * below a language the user picks on the page itself.
     */
    static ServerOAuth2AuthorizationRequestResolver authorizationRequests(ReactiveClientRegistrationRepository clients) {
        DefaultServerOAuth2AuthorizationRequestResolver resolver = new DefaultServerOAuth2AuthorizationRequestResolver(clients);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
                .andThen(request -> request.additionalParameters(p -> p.put("ui_locales", LOGIN_LOCALE))));
        return resolver;
    }

    /**
     * CSRF protection where it matters: state-changing requests that carry the browser
     * session. A request without the session cookie (an API client with its own bearer
     * token, or an anonymous applicant) carries no ambient credentials to abuse.
     */
    static ServerWebExchangeMatcher unsafeRequestWithSession() {
        return exchange -> {
            HttpMethod method = exchange.getRequest().getMethod();
            boolean safe = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)
                    || HttpMethod.OPTIONS.equals(method) || HttpMethod.TRACE.equals(method);
            boolean hasSession = exchange.getRequest().getCookies().containsKey(SESSION_COOKIE);
            return !safe && hasSession ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }
}
