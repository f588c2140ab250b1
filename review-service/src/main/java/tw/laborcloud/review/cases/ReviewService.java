package tw.laborcloud.review.cases;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import tw.laborcloud.events.DomainEvent;
import tw.laborcloud.events.review.ApplicationApproved;
import tw.laborcloud.events.review.ApplicationRejected;
import tw.laborcloud.platform.outbox.Outbox;
import tw.laborcloud.platform.outbox.OutboxRelay;
import tw.laborcloud.platform.web.ApiException;
import tw.laborcloud.platform.web.CorrelationIds;
import tw.laborcloud.platform.web.FieldViolation;

@Service
public class ReviewService {

    private static final Logger log = LoggerFactory.getLogger(ReviewService.class);
    static final int MAX_REASON_LENGTH = 1000;

    private final Cases cases;
    private final Outbox outbox;
    private final OutboxRelay relay;

    ReviewService(Cases cases, Outbox outbox, OutboxRelay relay) {
        this.cases = cases;
        this.outbox = outbox;
        this.relay = relay;
    }

    public List<ReviewCase> queue() {
        return cases.queue(200);
    }

    public ReviewCase get(String applicationId) {
        return cases.find(applicationId)
                .orElseThrow(() -> ApiException.notFound("CASE_NOT_FOUND", "查無此案件：" + applicationId));
    }

    public ReviewCase approve(String applicationId, Officer officer) {
        ReviewCase current = get(applicationId);
        DomainEvent event = ApplicationApproved.of(applicationId, CorrelationIds.current(), current.certificateNo(),
                officer.username());
        return decide(current, new ReviewCase.Decision("APPROVED", null, officer.username(), Instant.now()),
                "APPROVED", null, event, officer, true);
    }

    public ReviewCase reject(String applicationId, String reason, Officer officer) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.invalid(List.of(new FieldViolation("reason", "REQUIRED", "駁回須填寫理由，申請人會收到這段說明")));
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw ApiException.invalid(List.of(new FieldViolation("reason", "TOO_LONG", "理由最多 1000 字")));
        }
        ReviewCase current = get(applicationId);
        String trimmed = reason.strip();
        DomainEvent event = ApplicationRejected.of(applicationId, CorrelationIds.current(), current.certificateNo(),
                trimmed, officer.username());
        return decide(current, new ReviewCase.Decision("REJECTED", trimmed, officer.username(), Instant.now()),
                "REJECTED", trimmed, event, officer, false);
    }

    private ReviewCase decide(ReviewCase current, ReviewCase.Decision decision, String action, String detail,
            DomainEvent event, Officer officer, boolean requireVerifiedDocuments) {
        if (current.decision() != null) {
            throw alreadyDecided(current.decision());
        }
        if (current.certificateNo() == null) {
            throw ApiException.conflict("REGISTRATION_DATA_MISSING", "尚未收到此案的申請資料，暫不能決行");
        }
        if (requireVerifiedDocuments && current.verification() == null) {
            throw ApiException.conflict("DOCUMENTS_NOT_VERIFIED", "文件尚未完成檢核，不能核准");
        }
        ReviewCase.HistoryEntry entry = new ReviewCase.HistoryEntry(Instant.now(), officer.username(), action, detail,
                officer.remoteAddress());
        if (!cases.decide(current.applicationId(), decision, entry, outbox.pending(event), requireVerifiedDocuments)) {
            // someone else decided between our read and our write: exactly one of us wins
            ReviewCase now = get(current.applicationId());
            throw now.decision() != null ? alreadyDecided(now.decision())
                    : ApiException.conflict("CASE_CHANGED", "案件狀態已變更，請重新整理後再試");
        }
        log.info("case {} {} by {}", current.applicationId(), action, officer.username());
        relay.publishSoon(Cases.COLLECTION, current.applicationId());
        return get(current.applicationId());
    }

    private static ApiException alreadyDecided(ReviewCase.Decision decision) {
        return ApiException.conflict("ALREADY_DECIDED", "此案件已由 " + decision.decidedBy() + " 於 "
                + decision.decidedAt() + " 決行（" + ("APPROVED".equals(decision.outcome()) ? "核准" : "駁回") + "）");
    }

    /** The officer acting, from the token, and the address the request came from (for the audit trail). */
    public record Officer(String username, String remoteAddress) {
    }
}
