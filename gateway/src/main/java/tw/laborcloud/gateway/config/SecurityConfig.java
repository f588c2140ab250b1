package tw.laborcloud.gateway.config;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
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

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, ReactiveClientRegistrationRepository clients) {
        OidcClientInitiatedServerLogoutSuccessHandler logout = new OidcClientInitiatedServerLogoutSuccessHandler(clients);
        logout.setPostLogoutRedirectUri("{baseUrl}/");
        return http
                .authorizeExchange(ex -> ex
                        .pathMatchers("/", "/index.html", "/css/**", "/js/**", "/favicon.ico").permitAll()
                        // the registration pages are for unions without an account yet
                        .pathMatchers("/register", "/register/**").permitAll()
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // every service names the owner role of each of its endpoints
                        .pathMatchers("/api/**").permitAll()
                        .pathMatchers("/portal", "/portal/**").authenticated()
                        .anyExchange().denyAll())
                .oauth2Login(Customizer.withDefaults())
                .logout(l -> l.logoutSuccessHandler(logout))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .requireCsrfProtectionMatcher(unsafeRequestWithSession()))
                .exceptionHandling(e -> e.authenticationEntryPoint((exchange, ex) -> {
                    // API callers get 401; browsers are sent to the Keycloak login
                    if (exchange.getRequest().getPath().value().startsWith("/api/")) {
                        exchange.getResponse().setStatusCode(org.springframework.http.HttpStatus.UNAUTHORIZED);
                        return exchange.getResponse().setComplete();
                    }
                    exchange.getResponse().setStatusCode(org.springframework.http.HttpStatus.FOUND);
                    exchange.getResponse().getHeaders().setLocation(URI.create("/oauth2/authorization/keycloak"));
                    return exchange.getResponse().setComplete();
                }))
                .build();
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
