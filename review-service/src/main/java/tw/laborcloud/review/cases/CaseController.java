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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.laborcloud.review.audit.Actor;
import tw.laborcloud.review.audit.AuditEntry;
import tw.laborcloud.review.audit.AuditTrail;
import tw.laborcloud.review.register.RegisterChecks;
import tw.laborcloud.review.register.SealComparisons;
import tw.laborcloud.review.register.UnionRegister;

/** The officers' case API; owner roles are set in SecurityConfig, the four-eyes rule in {@link Decisions}. */
@Tag(name = "帳號申請審查", description = "工會帳號申請之審查：承辦擬辦、主管核定")
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
    @Operation(summary = "待審清單", description = "依狀態與關鍵字（申請編號、工會名稱、立案證書字號）分頁列出案件。")
    @GetMapping
    CaseQueue.Page queue(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return queue.page(status, q, sort, dir, page, size);
    }

    /** The case with its personal data: every look is audited. */
    @Operation(summary = "案件內容", description = "申請資料、文件、自動檢查結果、登記簿比對與決定歷程。每次查閱皆記入稽核紀錄。")
    @GetMapping("/{applicationId}")
    CaseView get(@PathVariable String applicationId, Authentication who, HttpServletRequest request) {
        Actor actor = Actor.of(who, request);
        ReviewCase c = decisions.get(applicationId);
        audit.record(actor, "VIEW_CASE", applicationId, null, AuditTrail.DONE);
        return view(c, actor);
    }

    @Operation(summary = "印鑑比對", description = "申請所附印鑑與登記簿印鑑之相似度及疊圖。")
    @GetMapping("/{applicationId}/seal-comparison")
    SealComparisons.Comparison sealComparison(@PathVariable String applicationId, Authentication who,
            HttpServletRequest request) {
        SealComparisons.Comparison comparison = seals.compare(decisions.get(applicationId));
        audit.record(Actor.of(who, request), "COMPARE_SEALS", applicationId,
                comparison.percent() == null ? comparison.problem() : comparison.percent() + "%", AuditTrail.DONE);
        return comparison;
    }

    @Operation(summary = "案件稽核紀錄", description = "誰於何時查閱或決定了此案件。")
    @GetMapping("/{applicationId}/audit")
    List<AuditEntry> auditTrail(@PathVariable String applicationId) {
        decisions.get(applicationId);
        return audit.forSubject(applicationId);
    }

    @Operation(summary = "承辦擬辦", description = "承辦（reviewer）擬准、擬駁（附理由）或擬請補件（附文件與理由）。")
    @PostMapping("/{applicationId}/proposal")
    CaseView propose(@PathVariable String applicationId, @RequestBody(required = false) Decisions.ProposalRequest body,
            Authentication who, HttpServletRequest request) {
        Actor actor = Actor.of(who, request);
        return view(decisions.propose(applicationId, body, actor), actor);
    }

    @Operation(summary = "主管核定", description = "主管（approver）核定承辦之擬辦；不得核定自己之擬辦。")
    @PostMapping("/{applicationId}/sign-off")
    CaseView signOff(@PathVariable String applicationId, @RequestBody(required = false) Decisions.SignOffRequest body,
            Authentication who, HttpServletRequest request) {
        Actor actor = Actor.of(who, request);
        return view(decisions.signOff(applicationId, body, actor), actor);
    }

    @Operation(summary = "主管退回", description = "主管退回承辦重擬，附理由。")
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
