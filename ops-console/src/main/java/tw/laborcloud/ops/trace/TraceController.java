package tw.laborcloud.ops.trace;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TraceController {

    private final TraceService traces;

    TraceController(TraceService traces) {
        this.traces = traces;
    }

    /** {@code q}: an application id or a registration-certificate number. */
    @GetMapping("/api/ops/trace")
    Trace trace(@RequestParam String q) {
        return traces.trace(q);
    }
}
