package tw.laborcloud.gateway.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import tw.laborcloud.web.PageLabels;

/**
 * The union pages, rendered from their templates (templates/layout.html and one template a page) at the
 * addresses they always had. The portal pages also answer at short addresses, so that a login started at
 * /portal ends on /portal (the address the activation mail names).
 */
@Configuration
class PagesConfig {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    @Bean
    RouterFunction<ServerResponse> pages() {
        return RouterFunctions.route()
                .GET("/", request -> page("index"))
                .GET("/index.html", request -> page("index"))
                .GET("/register", request -> ServerResponse.permanentRedirect(URI.create("/register/index.html")).build())
                .GET("/register/", request -> ServerResponse.permanentRedirect(URI.create("/register/index.html")).build())
                .GET("/register/index.html", request -> page("register/index"))
                .GET("/register/confirm.html", request -> page("register/confirm"))
                .GET("/register/receipt.html", request -> page("register/receipt"))
                .GET("/register/status.html", request -> page("register/status"))
                .GET("/portal", request -> page("portal/index"))
                .GET("/portal/", request -> page("portal/index"))
                .GET("/portal/index.html", request -> page("portal/index"))
                .GET("/portal/affairs", request -> page("portal/affairs"))
                .GET("/portal/affairs.html", request -> page("portal/affairs"))
                .GET("/portal/filing.html", request -> page("portal/filing"))
                .build();
    }

    private static Mono<ServerResponse> page(String template) {
        // the pages are rendered for each request and the portal's show the logged-in union's data: never from a shared cache
        return ServerResponse.ok().contentType(HTML).header("Cache-Control", "no-store")
                .render(template, Map.of("labels", PageLabels.json()));
    }
}
