package tw.laborcloud.review.cases;

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
import tw.laborcloud.review.register.RegisterChecks;
import tw.laborcloud.review.register.SealComparisons;
import tw.laborcloud.review.register.UnionRegister;

/** The officers' case API; owner roles are set in SecurityConfig, the four-eyes rule in {@link Decisions}. */
@RestController
@RequestMapping("/api/review/cases")
class CaseController {

    private final CaseQueue queue;
    private final Decisions decisions;
    private final UnionRegister register;
    private final SealComparisons seals;
    private final AuditTrail audit;

    CaseController(CaseQueue queue, Decisions decisions, UnionRegister register, SealComparisons seals,
            AuditTrail audit) {
        this.queue = queue;
        this.decisions = decisions;
        this.register = register;
        this.seals = seals;
        this.audit = audit;
    }

    /** The queue lists no personal data (union, number, status), so looking at it is not audited. */
    @GetMapping
    CaseQueue.Page queue(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return queue.page(status, q, sort, dir, page, size);
    }

    /** The case with its personal data: every look is audited. */
    @GetMapping("/{applicationId}")
    CaseView get(@PathVariable String applicationId, Authentication who, HttpServletRequest request) {
        Actor actor = Actor.of(who, request);
        ReviewCase c = decisions.get(applicationId);
        audit.record(actor, "VIEW_CASE", applicationId, null, AuditTrail.DONE);
        return view(c, actor);
    }

    @GetMapping("/{applicationId}/seal-comparison")
    SealComparisons.Comparison sealComparison(@PathVariable String applicationId, Authentication who,
            HttpServletRequest request) {
        SealComparisons.Comparison comparison = seals.compare(decisions.get(applicationId));
        audit.record(Actor.of(who, request), "COMPARE_SEALS", applicationId,
                comparison.percent() == null ? comparison.problem() : comparison.percent() + "%", AuditTrail.DONE);
        return comparison;
    }

    @GetMapping("/{applicationId}/audit")
    List<AuditEntry> auditTrail(@PathVariable String applicationId) {
        decisions.get(applicationId);
        return audit.forSubject(applicationId);
    }

    @PostMapping("/{applicationId}/proposal")
    CaseView propose(@PathVariable String applicationId, @RequestBody(required = false) Decisions.ProposalRequest body,
            Authentication who, HttpServletRequest request) {
        Actor actor = Actor.of(who, request);
        return view(decisions.propose(applicationId, body, actor), actor);
    }

    @PostMapping("/{applicationId}/sign-off")
    CaseView signOff(@PathVariable String applicationId, @RequestBody(required = false) Decisions.SignOffRequest body,
            Authentication who, HttpServletRequest request) {
        Actor actor = Actor.of(who, request);
        return view(decisions.signOff(applicationId, body, actor), actor);
    }

    @PostMapping("/{applicationId}/send-back")
    CaseView sendBack(@PathVariable String applicationId, @RequestBody(required = false) Decisions.SignOffRequest body,
            Authentication who, HttpServletRequest request) {
        Actor actor = Actor.of(who, request);
        return view(decisions.sendBack(applicationId, body, actor), actor);
    }

    private CaseView view(ReviewCase c, Actor actor) {
        String unionType = c.details() == null ? null : c.details().unionType();
        return CaseView.of(c, RegisterChecks.of(c.certificateNo(), c.unionName(), unionType,
                register.find(c.certificateNo())), actor);
    }
}
