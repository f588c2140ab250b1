package tw.laborcloud.registration.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import tw.laborcloud.platform.security.PlatformSecurity;

@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return PlatformSecurity.resourceServer(http, auth -> auth
                // the applicant has no account yet: applying and following the status are public
                .requestMatchers(HttpMethod.POST, "/api/registrations").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/registrations/*").permitAll()
                // the submission copy: guarded as the status is, by both numbers
                .requestMatchers(HttpMethod.GET, "/api/registrations/*/copy.pdf").permitAll()
                // the link of the confirmation mail: the token in the body is the credential
                .requestMatchers(HttpMethod.POST, "/api/registrations/*/email-confirmation").permitAll()
                // supplements before the account exists: the certificate number and the registration's password are the credential
                .requestMatchers(HttpMethod.POST, "/api/registrations/*/supplements").permitAll());
    }
}
