package tw.laborcloud.document.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import tw.laborcloud.platform.security.PlatformSecurity;

@Configuration(proxyBeanMethods = false)
class DocumentServiceConfig {

    /**
     * Applicants upload before they have an account, so the upload is open. Reading a
     * document needs a token; which roles may read which document (officers all, a union
     * its own) is decided in DocumentAccess rather than here, so that refused attempts are
     * logged alongside the allowed ones.
     */
    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return PlatformSecurity.resourceServer(http, auth -> auth
                .requestMatchers(HttpMethod.POST, "/api/documents").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/documents/*", "/api/documents/*/content",
                        "/api/documents/*/preview").authenticated());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
