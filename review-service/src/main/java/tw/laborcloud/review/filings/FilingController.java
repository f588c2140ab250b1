package tw.laborcloud.review.filings;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.laborcloud.review.audit.Actor;
import tw.laborcloud.review.audit.AuditEntry;
import tw.laborcloud.review.audit.AuditTrail;

/** The officers' API for union-affairs filings; owner roles in SecurityConfig, four eyes in {@link FilingDecisions}. */
@Tag(name = "會務案件審查", description = "工會會務申請或備查之審查")
@RestController
@RequestMapping("/api/review/filings")
class FilingController {

    private final FilingQueue queue;
    private final FilingDecisions decisions;
    private final AuditTrail audit;

    FilingController(FilingQueue queue, FilingDecisions decisions, AuditTrail audit) {
        this.queue = queue;
        this.decisions = decisions;
        this.audit = audit;
    }

    @Operation(summary = "會務案件清單", description = "依狀態與關鍵字分頁列出會務案件。")
    @GetMapping
    FilingQueue.Page queue(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return queue.page(status, q, sort, dir, page, size);
    }

    /** A filing names the union's officers, members and addresses: every look is audited. */
    @Operation(summary = "會務案件內容", description = "案件表單、附件與工會登記資料之對照、決定歷程。")
    @GetMapping("/{filingId}")
    FilingView get(@PathVariable String filingId, Authentication who, HttpServletRequest request) {
        Actor actor = Actor.of(who, request);
        FilingCase filing = decisions.get(filingId);
        audit.record(actor, "VIEW_FILING", filingId, null, AuditTrail.DONE);
        return FilingView.of(filing, actor);
    }

    @Operation(summary = "會務案件稽核紀錄", description = "誰於何時查閱或決定了此案件。")
    @GetMapping("/{filingId}/audit")
    List<AuditEntry> auditTrail(@PathVariable String filingId) {
        decisions.get(filingId);
        return audit.forSubject(filingId);
    }

    @Operation(summary = "承辦擬辦", description = "承辦擬准予備查、擬不准或擬請補正（附理由）。")
    @PostMapping("/{filingId}/proposal")
    FilingView propose(@PathVariable String filingId,
            @RequestBody(required = false) FilingDecisions.ProposalRequest body, Authentication who,
            HttpServletRequest request) {
        Actor actor = Actor.of(who, request);
        return FilingView.of(decisions.propose(filingId, body, actor), actor);
    }

    @Operation(summary = "主管核定", description = "主管核定承辦之擬辦。")
    @PostMapping("/{filingId}/sign-off")
    FilingView signOff(@PathVariable String filingId, @RequestBody(required = false) FilingDecisions.SignOffRequest body,
            Authentication who, HttpServletRequest request) {
        Actor actor = Actor.of(who, request);
        return FilingView.of(decisions.signOff(filingId, body, actor), actor);
    }

    @Operation(summary = "主管退回", description = "主管退回承辦重擬，附理由。")
    @PostMapping("/{filingId}/send-back")
    FilingView sendBack(@PathVariable String filingId, @RequestBody(required = false) FilingDecisions.SignOffRequest body,
            Authentication who, HttpServletRequest request) {
        Actor actor = Actor.of(who, request);
        return FilingView.of(decisions.sendBack(filingId, body, actor), actor);
    }
}
