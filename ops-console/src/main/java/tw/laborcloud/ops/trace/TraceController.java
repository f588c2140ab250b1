package tw.laborcloud.ops.trace;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "追蹤", description = "依申請編號、案件編號或立案證書字號追蹤事件")
@RestController
class TraceController {

    private final TraceService traces;

    TraceController(TraceService traces) {
        this.traces = traces;
    }

    /** {@code q}: an application id or a registration-certificate number. */
    @Operation(summary = "追蹤一件申請", description = "列出與查詢字串相關之各主題事件、死信與各服務之處理情形。")
    @GetMapping("/api/ops/trace")
    Trace trace(@RequestParam String q) {
        return traces.trace(q);
    }
}
