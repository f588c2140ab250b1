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

    /** Which union may read which profile is decided per request (its own only); roles gate the rest. */
    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return PlatformSecurity.resourceServer(http, auth -> auth
                .requestMatchers(HttpMethod.GET, "/api/union/profile").hasRole(Roles.UNION)
                .requestMatchers(HttpMethod.GET, "/api/union/profiles/*")
                .hasAnyRole(Roles.UNION, Roles.REVIEWER, Roles.APPROVER));
    }
}
