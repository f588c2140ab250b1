package tw.laborcloud.gateway.config;

import java.net.URI;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The browser session is read only where the browser has one. Spring Security looks for the
 * security context and a saved request in the session of every request; without a session
 * cookie that look creates a new, empty session, and WebFlux's in-memory store makes each new
 * one on another thread and resumes the request on a third (its id comes from a SecureRandom
 * that might block). Every API call, script and style sheet paid those two thread hops, about
 * half of the gateway's own time per request (docs/benchmarks.md, P3). A request without the
 * cookie has nothing in a session to find: it is anonymous, or it carries its own bearer
 * token. Saving (a login, a page that asks for one) still creates the session as before.
 */
final class ExistingSessions {

    private ExistingSessions() {
    }

    static boolean hasSessionCookie(ServerWebExchange exchange) {
        return exchange.getRequest().getCookies().containsKey(SecurityConfig.SESSION_COOKIE);
    }

    /** The security context of the browser's session; none without the session cookie. */
    static ServerSecurityContextRepository securityContexts() {
        WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();
        return new ServerSecurityContextRepository() {
            @Override
            public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
                return sessions.save(exchange, context);
            }

            @Override
            public Mono<SecurityContext> load(ServerWebExchange exchange) {
                return hasSessionCookie(exchange) ? sessions.load(exchange) : Mono.empty();
            }
        };
    }

    /** The page a login was asked for, kept in the session until the login returns; none without the cookie. */
    static ServerRequestCache savedRequests() {
        WebSessionServerRequestCache sessions = new WebSessionServerRequestCache();
        return new ServerRequestCache() {
            @Override
            public Mono<Void> saveRequest(ServerWebExchange exchange) {
                return sessions.saveRequest(exchange);
            }

            @Override
            public Mono<URI> getRedirectUri(ServerWebExchange exchange) {
                return hasSessionCookie(exchange) ? sessions.getRedirectUri(exchange) : Mono.empty();
            }

            @Override
            public Mono<ServerHttpRequest> removeMatchingRequest(ServerWebExchange exchange) {
                return hasSessionCookie(exchange) ? sessions.removeMatchingRequest(exchange) : Mono.empty();
            }
        };
    }
}
