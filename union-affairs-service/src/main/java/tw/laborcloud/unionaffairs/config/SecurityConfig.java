package tw.laborcloud.unionaffairs.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import tw.laborcloud.platform.security.PlatformSecurity;
import tw.laborcloud.platform.security.Roles;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /**
     * Every endpoint with its owner role; deny by default. Which union's data a union may
     * touch (its own only) is decided per request from the token's union_id.
     */
    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return PlatformSecurity.resourceServer(http, auth -> auth
                .requestMatchers(HttpMethod.GET, "/api/union/profile").hasRole(Roles.UNION)
                .requestMatchers(HttpMethod.GET, "/api/union/profiles/*/filings", "/api/union/profiles/*/filings/*")
                .hasAnyRole(Roles.REVIEWER, Roles.APPROVER)
                .requestMatchers(HttpMethod.GET, "/api/union/profiles/*")
                .hasAnyRole(Roles.UNION, Roles.REVIEWER, Roles.APPROVER)
                .requestMatchers(HttpMethod.GET, "/api/union/filing-types")
                .hasAnyRole(Roles.UNION, Roles.REVIEWER, Roles.APPROVER)
                .requestMatchers(HttpMethod.GET, "/api/union/filings", "/api/union/filings/*").hasRole(Roles.UNION)
                .requestMatchers(HttpMethod.POST, "/api/union/filings", "/api/union/filings/*/submit")
                .hasRole(Roles.UNION)
                .requestMatchers(HttpMethod.PUT, "/api/union/filings/*").hasRole(Roles.UNION)
                .requestMatchers(HttpMethod.DELETE, "/api/union/filings/*").hasRole(Roles.UNION));
    }
}
