package tw.laborcloud.ops.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import tw.laborcloud.platform.security.PlatformSecurity;
import tw.laborcloud.platform.security.Roles;

/** The console, its pages and its API, are for operations staff only. */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return PlatformSecurity.resourceServer(http, auth -> auth
                .requestMatchers("/ops", "/ops/**", "/api/ops/**").hasRole(Roles.OPS));
    }
}
