package tw.laborcloud.gateway.config;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Short addresses of the union pages (WebFlux serves a folder's index.html only at the root). */
@Configuration
class PagesConfig {

    @Bean
    RouterFunction<ServerResponse> pageShortcuts() {
        return RouterFunctions.route()
                .GET("/register", request -> ServerResponse.permanentRedirect(URI.create("/register/index.html")).build())
                .GET("/register/", request -> ServerResponse.permanentRedirect(URI.create("/register/index.html")).build())
                .build();
    }
}
