package tw.laborcloud.review.web;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The officers' pages answer at short addresses (the gateway sends /review/** here). */
@Controller
class PagesController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    @GetMapping({"/review", "/review/"})
    ResponseEntity<Resource> queue() {
        return page("static/review/index.html");
    }

    @GetMapping("/review/case")
    ResponseEntity<Resource> reviewCase() {
        return page("static/review/case.html");
    }

    @GetMapping("/review/filings")
    ResponseEntity<Resource> filings() {
        return page("static/review/filings.html");
    }

    @GetMapping("/review/filing")
    ResponseEntity<Resource> filing() {
        return page("static/review/filing.html");
    }

    @GetMapping("/review/register")
    ResponseEntity<Resource> register() {
        return page("static/review/register.html");
    }

    private static ResponseEntity<Resource> page(String path) {
        // the pages are shells, but they run with the officer's session: never from a shared cache
        return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noStore())
                .body(new ClassPathResource(path));
    }
}
