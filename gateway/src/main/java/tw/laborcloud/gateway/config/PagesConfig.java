package tw.laborcloud.gateway.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * Short addresses of the union pages (WebFlux serves a folder's index.html only at the root).
 * The portal pages answer at their own addresses, so that a login started at /portal ends on
 * /portal (the address the activation mail names).
 */
@Configuration
class PagesConfig {

    private static final Resource PORTAL = new ClassPathResource("static/portal/index.html");
    private static final Resource AFFAIRS = new ClassPathResource("static/portal/affairs.html");

    @Bean
    RouterFunction<ServerResponse> pageShortcuts() {
        return RouterFunctions.route()
                .GET("/register", request -> ServerResponse.permanentRedirect(URI.create("/register/index.html")).build())
                .GET("/register/", request -> ServerResponse.permanentRedirect(URI.create("/register/index.html")).build())
                .GET("/portal", request -> page(PORTAL))
                .GET("/portal/", request -> page(PORTAL))
                .GET("/portal/affairs", request -> page(AFFAIRS))
                .build();
    }

    private static Mono<ServerResponse> page(Resource resource) {
        // the pages show personal data of the logged-in union: never from a shared cache
        return ServerResponse.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").bodyValue(resource);
    }
}
