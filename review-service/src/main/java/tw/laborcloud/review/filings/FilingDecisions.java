package tw.laborcloud.review.filings;

import static tw.laborcloud.review.signoff.SignOffRules.entry;
import static tw.laborcloud.review.signoff.SignOffRules.optionalText;
import static tw.laborcloud.review.signoff.SignOffRules.requireOtherOfficer;
import static tw.laborcloud.review.signoff.SignOffRules.requireRevision;
import static tw.laborcloud.review.signoff.SignOffRules.requiredText;
import static tw.laborcloud.review.signoff.SignOffRules.taipei;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import tw.laborcloud.events.review.FilingDecided;
import tw.laborcloud.platform.outbox.Outbox;
import tw.laborcloud.platform.outbox.OutboxRelay;
import tw.laborcloud.platform.outbox.PendingEvent;
import tw.laborcloud.platform.security.Roles;
import tw.laborcloud.platform.web.ApiException;
import tw.laborcloud.platform.web.CorrelationIds;
import tw.laborcloud.platform.web.FieldViolation;
import tw.laborcloud.review.audit.Actor;
import tw.laborcloud.review.signoff.AuditedActions;
import tw.laborcloud.review.signoff.SignOffRules;
import tw.laborcloud.review.filings.FilingCase.Outcome;
import tw.laborcloud.review.filings.FilingCase.Proposal;
import tw.laborcloud.review.filings.FilingCase.Status;

/**
 * The bureau's decision on a filing, in the same two steps as a registration: a reviewer
 * proposes to accept it for the record (備查) or to return it with a reason, a supervisor signs
 * it off (FilingDecided) or sends the proposal back.
 */
@Service
public class FilingDecisions {

    private static final Logger log = LoggerFactory.getLogger(FilingDecisions.class);

    private final FilingCases filings;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final AuditedActions audited;

    FilingDecisions(FilingCases filings, Outbox outbox, OutboxRelay relay, AuditedActions audited) {
        this.filings = filings;
        this.outbox = outbox;
        this.relay = relay;
        this.audited = audited;
    }

    public record ProposalRequest(Outcome outcome, String reason, String note, Long revision) {
    }

    public record SignOffRequest(String comment, Long revision) {
    }

    public FilingCase get(String filingId) {
        return filings.find(filingId).filter(f -> f.unionId() != null)
                .orElseThrow(() -> ApiException.notFound("FILING_NOT_FOUND", "查無此會務案件：" + filingId));
    }

    public FilingCase propose(String filingId, ProposalRequest request, Actor actor) {
        String detail = request == null || request.outcome() == null ? null : request.outcome().name();
        return audited.run(actor, "PROPOSE", filingId, detail, () -> {
            if (!actor.hasRole(Roles.REVIEWER)) {
                throw ApiException.forbidden("NOT_REVIEWER", "擬辦由承辦人（reviewer）為之");
            }
            if (request == null || request.outcome() == null) {
                throw ApiException.invalid(List.of(new FieldViolation("outcome", "REQUIRED", "請選擇擬准予備查或擬退回補正")));
            }
            String reason = request.outcome() == Outcome.RETURN
                    ? requiredText(request.reason(), "reason", "退回補正須填寫理由，工會會收到這段說明")
                    : optionalText(request.reason(), "reason");
            Proposal proposal = new Proposal(request.outcome(), reason, optionalText(request.note(), "note"),
                    actor.username(), Instant.now());
            FilingCase current = get(filingId);
            requireStatus(current, Status.READY_FOR_REVIEW, "擬辦");
            act(current, request.revision(), new Update().set("proposal", proposal)
                    .push("history", entry(actor, "PROPOSED", describe(proposal))));
            return get(filingId);
        });
    }

    public FilingCase signOff(String filingId, SignOffRequest request, Actor actor) {
        return audited.run(actor, "SIGN_OFF", filingId, null, () -> {
            FilingCase current = get(filingId);
            requireStatus(current, Status.AWAITING_SIGN_OFF, "核定");
            Proposal proposal = current.proposal();
            requireOtherOfficer(proposal.proposedBy(), actor);
            String comment = optionalText(request == null ? null : request.comment(), "comment");
            boolean accepted = proposal.outcome() == Outcome.ACCEPT;
            FilingCase.Decision decision = new FilingCase.Decision(accepted ? "ACCEPTED" : "RETURNED",
                    proposal.reason(), actor.username(), proposal.proposedBy(), Instant.now(), current.roundOrFirst());
            FilingDecided event = FilingDecided.of(filingId, CorrelationIds.current(), current.unionId(),
                    current.certificateNo(), current.filingType(), current.filingTypeLabel(), current.roundOrFirst(),
                    accepted ? FilingDecided.Outcome.ACCEPTED : FilingDecided.Outcome.RETURNED, proposal.reason(),
                    actor.username());
            Update update = new Update().unset("proposal").set("decision", decision)
                    .push("history", entry(actor, "SIGNED_OFF", describe(proposal)
                            + (comment == null ? "" : "；核定意見：" + comment)))
                    .push(PendingEvent.FIELD, outbox.pending(event));
            act(current, requireRevision(request == null ? null : request.revision()), update);
            log.info("filing {} round {} {} signed off by {} (proposed by {})", filingId, current.roundOrFirst(),
                    decision.outcome(), actor.username(), proposal.proposedBy());
            relay.publishSoon(FilingCases.COLLECTION, filingId);
            return get(filingId);
        });
    }

    public FilingCase sendBack(String filingId, SignOffRequest request, Actor actor) {
        return audited.run(actor, "SEND_BACK", filingId, null, () -> {
            String comment = requiredText(request == null ? null : request.comment(), "comment",
                    "退回擬辦須填寫意見，承辦人會看到這段說明");
            FilingCase current = get(filingId);
            requireStatus(current, Status.AWAITING_SIGN_OFF, "退回擬辦");
            requireOtherOfficer(current.proposal().proposedBy(), actor);
            act(current, requireRevision(request.revision()), new Update().unset("proposal")
                    .push("history", entry(actor, "SENT_BACK", describe(current.proposal()) + "；意見：" + comment)));
            return get(filingId);
        });
    }

    private void act(FilingCase current, Long shownRevision, Update update) {
        long revision = current.revisionOrZero();
        if ((shownRevision != null && shownRevision != revision)
                || !filings.act(current.filingId(), revision, update)) {
            FilingCase now = get(current.filingId());
            throw SignOffRules.changedMeanwhile(now.historyOrEmpty(), now.status().label());
        }
    }

    private static void requireStatus(FilingCase current, Status expected, String what) {
        if (current.status() == expected) {
            return;
        }
        if (current.decision() != null && current.decision().round() == current.roundOrFirst()) {
            FilingCase.Decision d = current.decision();
            throw ApiException.conflict("ALREADY_DECIDED", "本次送件已由 " + d.decidedBy() + " 於 "
                    + taipei(d.decidedAt()) + " 核定（" + current.status().label() + "），不能再" + what);
        }
        throw ApiException.conflict("WRONG_STATUS", "案件目前為「" + current.status().label() + "」，不能" + what);
    }

    private static String describe(Proposal proposal) {
        return proposal.outcome().label() + (proposal.reason() == null ? "" : "：" + proposal.reason())
                + (proposal.note() == null ? "" : "；說明：" + proposal.note());
    }
}
