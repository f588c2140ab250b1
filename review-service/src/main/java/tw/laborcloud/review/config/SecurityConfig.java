package tw.laborcloud.review.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import tw.laborcloud.platform.security.PlatformSecurity;
import tw.laborcloud.platform.security.Roles;

@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return PlatformSecurity.resourceServer(http, auth -> auth
                .requestMatchers(HttpMethod.GET, "/api/review/cases", "/api/review/cases/*")
                .hasAnyRole(Roles.REVIEWER, Roles.APPROVER)
                // the decision is the supervisor's (主管); the clerk's proposal step comes with the review workspace
                .requestMatchers(HttpMethod.POST, "/api/review/cases/*/approve", "/api/review/cases/*/reject")
                .hasRole(Roles.APPROVER));
    }
}
