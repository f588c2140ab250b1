package tw.laborcloud.review.config;

import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import tw.laborcloud.platform.security.PlatformSecurity;
import tw.laborcloud.platform.security.Roles;

/**
 * The role of every endpoint and page. Reviewers (承辦人) and supervisors (主管) read cases
 * and the register; reviewers propose, supervisors sign off and keep the register.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.exceptionHandling(e -> e.accessDeniedHandler(forbiddenPage()));
        return PlatformSecurity.resourceServer(http, auth -> auth
                // the pages' shared scripts (the web module): public code, as the gateway serves it too
                .requestMatchers(HttpMethod.GET, "/web/*.js").permitAll()
                .requestMatchers(HttpMethod.GET, "/review", "/review/", "/review/**")
                .hasAnyRole(Roles.REVIEWER, Roles.APPROVER)
                .requestMatchers(HttpMethod.GET, "/api/review/me", "/api/review/cases", "/api/review/cases/*",
                        "/api/review/cases/*/seal-comparison", "/api/review/cases/*/audit",
                        "/api/review/register", "/api/review/register/*", "/api/review/register/*/seal",
                        "/api/review/filings", "/api/review/filings/*", "/api/review/filings/*/audit")
                .hasAnyRole(Roles.REVIEWER, Roles.APPROVER)
                .requestMatchers(HttpMethod.POST, "/api/review/cases/*/proposal", "/api/review/filings/*/proposal")
                .hasRole(Roles.REVIEWER)
                .requestMatchers(HttpMethod.POST, "/api/review/cases/*/sign-off", "/api/review/cases/*/send-back",
                        "/api/review/filings/*/sign-off", "/api/review/filings/*/send-back")
                .hasRole(Roles.APPROVER)
                // the register is the bureau's record: supervisors keep it
                .requestMatchers(HttpMethod.POST, "/api/review/register/import").hasRole(Roles.APPROVER)
                .requestMatchers(HttpMethod.PUT, "/api/review/register/*", "/api/review/register/*/seal")
                .hasRole(Roles.APPROVER)
                // the audit trail names officers and applicants: supervisors export it
                .requestMatchers(HttpMethod.GET, "/api/review/audit.csv").hasRole(Roles.APPROVER));
    }

    /** A union or ops account that opens the officers' pages is told where it is, in Chinese. */
    private static AccessDeniedHandler forbiddenPage() {
        AccessDeniedHandler api = new BearerTokenAccessDeniedHandler();
        return (request, response, denied) -> {
            if (!request.getRequestURI().startsWith("/review")) {
                api.handle(request, response, denied);
                return;
            }
            response.setStatus(403);
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(new ClassPathResource("forbidden.html").getContentAsByteArray());
        };
    }
}
