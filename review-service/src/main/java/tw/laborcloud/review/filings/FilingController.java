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
import tw.laborcloud.review.audit.Actor;
import tw.laborcloud.review.audit.AuditEntry;
import tw.laborcloud.review.audit.AuditTrail;

/** The officers' API for union-affairs filings; owner roles in SecurityConfig, four eyes in {@link FilingDecisions}. */
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

    @GetMapping
    FilingQueue.Page queue(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return queue.page(status, q, sort, dir, page, size);
    }

    /** A filing names the union's officers, members and addresses: every look is audited. */
    @GetMapping("/{filingId}")
    FilingView get(@PathVariable String filingId, Authentication who, HttpServletRequest request) {
        Actor actor = Actor.of(who, request);
        FilingCase filing = decisions.get(filingId);
        audit.record(actor, "VIEW_FILING", filingId, null, AuditTrail.DONE);
        return FilingView.of(filing, actor);
    }

    @GetMapping("/{filingId}/audit")
    List<AuditEntry> auditTrail(@PathVariable String filingId) {
        decisions.get(filingId);
        return audit.forSubject(filingId);
    }

    @PostMapping("/{filingId}/proposal")
    FilingView propose(@PathVariable String filingId,
            @RequestBody(required = false) FilingDecisions.ProposalRequest body, Authentication who,
            HttpServletRequest request) {
        Actor actor = Actor.of(who, request);
        return FilingView.of(decisions.propose(filingId, body, actor), actor);
    }

    @PostMapping("/{filingId}/sign-off")
    FilingView signOff(@PathVariable String filingId, @RequestBody(required = false) FilingDecisions.SignOffRequest body,
            Authentication who, HttpServletRequest request) {
        Actor actor = Actor.of(who, request);
        return FilingView.of(decisions.signOff(filingId, body, actor), actor);
    }

    @PostMapping("/{filingId}/send-back")
    FilingView sendBack(@PathVariable String filingId, @RequestBody(required = false) FilingDecisions.SignOffRequest body,
            Authentication who, HttpServletRequest request) {
        Actor actor = Actor.of(who, request);
        return FilingView.of(decisions.sendBack(filingId, body, actor), actor);
    }
}
