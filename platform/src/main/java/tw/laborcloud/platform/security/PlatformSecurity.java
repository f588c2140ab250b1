package tw.laborcloud.platform.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The resource-server setup every service shares: stateless bearer tokens from
 * Keycloak, health and metrics open to the internal network, and deny by default — each
 * service names the owner role of every endpoint it adds.
 */
public final class PlatformSecurity {

    private PlatformSecurity() {
    }

    public static SecurityFilterChain resourceServer(HttpSecurity http,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> endpoints)
            throws Exception {
        http.csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies: nothing for CSRF to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults()))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
                            "/actuator/prometheus", "/error").permitAll();
                    // the API's description is public, as the API's existence is (ApiDocumentation)
                    auth.requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll();
                    endpoints.customize(auth);
                    auth.anyRequest().denyAll();
                });
        return http.build();
    }
}
