package tw.laborcloud.review.notices;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.laborcloud.platform.security.Roles;
import tw.laborcloud.review.audit.Actor;
import tw.laborcloud.review.cases.CaseQueue;
import tw.laborcloud.review.filings.FilingQueue;

/**
 * Who is looking, and what waits for them: new cases for reviewers, proposals for
 * supervisors. The pages poll it and show a notice when the numbers grow.
 */
@Tag(name = "帳號申請審查")
@RestController
class NoticeController {

    private final CaseQueue queue;
    private final FilingQueue filings;

    NoticeController(CaseQueue queue, FilingQueue filings) {
        this.queue = queue;
        this.filings = filings;
    }

    record Notice(String kind, long count, String message, String link) {
    }

    record Me(String username, List<String> roles, List<Notice> notices) {
    }

    @Operation(summary = "目前登入者", description = "審查人員之帳號、姓名與角色，以及待辦件數。")
    @GetMapping("/api/review/me")
    Me me(Authentication who, HttpServletRequest request) {
        Actor actor = Actor.of(who, request);
        CaseQueue.Counts counts = queue.counts();
        List<Notice> notices = new ArrayList<>();
        if (actor.hasRole(Roles.REVIEWER) && counts.readyForReview() > 0) {
            notices.add(new Notice("READY_FOR_REVIEW", counts.readyForReview(),
                    "有 " + counts.readyForReview() + " 件案件待審查", "/review/?status=READY_FOR_REVIEW"));
        }
        if (actor.hasRole(Roles.APPROVER) && counts.awaitingSignOff() > 0) {
            notices.add(new Notice("AWAITING_SIGN_OFF", counts.awaitingSignOff(),
                    "有 " + counts.awaitingSignOff() + " 件擬辦待核定", "/review/?status=AWAITING_SIGN_OFF"));
        }
        FilingQueue.Counts filingCounts = filings.counts();
        if (actor.hasRole(Roles.REVIEWER) && filingCounts.readyForReview() > 0) {
            notices.add(new Notice("FILINGS_READY_FOR_REVIEW", filingCounts.readyForReview(),
                    "有 " + filingCounts.readyForReview() + " 件會務案件待審查", "/review/filings?status=READY_FOR_REVIEW"));
        }
        if (actor.hasRole(Roles.APPROVER) && filingCounts.awaitingSignOff() > 0) {
            notices.add(new Notice("FILINGS_AWAITING_SIGN_OFF", filingCounts.awaitingSignOff(),
                    "有 " + filingCounts.awaitingSignOff() + " 件會務擬辦待核定", "/review/filings?status=AWAITING_SIGN_OFF"));
        }
        return new Me(actor.username(), actor.roles(), notices);
    }
}
