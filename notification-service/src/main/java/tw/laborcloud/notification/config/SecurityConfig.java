package tw.laborcloud.notification.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import tw.laborcloud.platform.security.PlatformSecurity;
import tw.laborcloud.platform.security.Roles;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** Only bureau staff and operations may see what was sent to whom; only operations resend. */
    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return PlatformSecurity.resourceServer(http, auth -> auth
                .requestMatchers(HttpMethod.GET, "/api/notifications")
                .hasAnyRole(Roles.OPS, Roles.REVIEWER, Roles.APPROVER)
                .requestMatchers(HttpMethod.POST, "/api/notifications/*/resend").hasRole(Roles.OPS));
    }
}
