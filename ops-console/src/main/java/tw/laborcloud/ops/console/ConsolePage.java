package tw.laborcloud.ops.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console is one static page (plain HTML and JavaScript) reading the /api/ops endpoints. */
@Controller
class ConsolePage {

    @GetMapping({ "/ops", "/ops/" })
    String console() {
        return "forward:/ops/index.html";
    }
}
