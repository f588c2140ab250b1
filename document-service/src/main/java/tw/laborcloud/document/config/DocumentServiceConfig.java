package tw.laborcloud.document.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import tw.laborcloud.platform.security.PlatformSecurity;
import tw.laborcloud.platform.security.Roles;

@Configuration(proxyBeanMethods = false)
class DocumentServiceConfig {

    /**
     * Applicants upload before they have an account, so the upload is open; what they
     * upload is only readable by bureau officers.
     */
    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return PlatformSecurity.resourceServer(http, auth -> auth
                .requestMatchers(HttpMethod.POST, "/api/documents").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/documents/*/content").hasAnyRole(Roles.REVIEWER, Roles.APPROVER));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
