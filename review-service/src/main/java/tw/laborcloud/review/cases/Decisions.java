package tw.laborcloud.review.cases;

import static tw.laborcloud.review.signoff.SignOffRules.entry;
import static tw.laborcloud.review.signoff.SignOffRules.optionalText;
import static tw.laborcloud.review.signoff.SignOffRules.requireOtherOfficer;
import static tw.laborcloud.review.signoff.SignOffRules.requireRevision;
import static tw.laborcloud.review.signoff.SignOffRules.requiredText;
import static tw.laborcloud.review.signoff.SignOffRules.taipei;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import tw.laborcloud.events.DomainEvent;
import tw.laborcloud.events.registration.DocumentKinds;
import tw.laborcloud.events.review.ApplicationApproved;
import tw.laborcloud.events.review.ApplicationRejected;
import tw.laborcloud.events.review.SupplementRequested;
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
import tw.laborcloud.review.cases.ReviewCase.Outcome;
import tw.laborcloud.review.cases.ReviewCase.Proposal;
import tw.laborcloud.review.cases.ReviewCase.RequestedDocument;

/**
 * The bureau's two-step decision (公文陳核): a reviewer (承辦人) proposes, a supervisor (主管)
 * signs off or sends the proposal back. Only the sign-off emits an event. Every attempt is
 * audited, the refused ones with their reason.
 */
@Service
public class Decisions {

    private static final Logger log = LoggerFactory.getLogger(Decisions.class);

    private final Cases cases;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final AuditedActions audited;

    Decisions(Cases cases, Outbox outbox, OutboxRelay relay, AuditedActions audited) {
        this.cases = cases;
        this.outbox = outbox;
        this.relay = relay;
        this.audited = audited;
    }

    /** A reviewer's proposal, as sent by the case page with the revision it showed. */
    public record ProposalRequest(Outcome outcome, String reason, List<RequestedDocument> documents, String note,
            Long revision) {
    }

    public record SignOffRequest(String comment, Long revision) {
    }

    public ReviewCase get(String applicationId) {
        return cases.find(applicationId)
                .orElseThrow(() -> ApiException.notFound("CASE_NOT_FOUND", "查無此案件：" + applicationId));
    }

    public ReviewCase propose(String applicationId, ProposalRequest request, Actor actor) {
        return audited.run(actor, "PROPOSE", applicationId, request == null || request.outcome() == null ? null
                : request.outcome().name(), () -> {
                    Proposal proposal = validProposal(request, actor);
                    ReviewCase current = get(applicationId);
                    requireStatus(current, CaseStatus.READY_FOR_REVIEW, "擬辦");
                    if (proposal.outcome() == Outcome.APPROVE) {
                        requireApprovable(current);
                    }
                    requireKnownDocuments(current, proposal.documents());
                    Update update = new Update().set("proposal", proposal)
                            .push("history", entry(actor, "PROPOSED", describe(proposal)));
                    act(current, request.revision(), update, actor);
                    return get(applicationId);
                });
    }

    /** The supervisor's sign-off: the proposal becomes the decision and its event is sent. */
    public ReviewCase signOff(String applicationId, SignOffRequest request, Actor actor) {
        return audited.run(actor, "SIGN_OFF", applicationId, null, () -> {
            ReviewCase current = get(applicationId);
            requireStatus(current, CaseStatus.AWAITING_SIGN_OFF, "核定");
            Proposal proposal = current.proposal();
            requireOtherOfficer(proposal.proposedBy(), actor);
            String comment = optionalText(request == null ? null : request.comment(), "comment");
            Instant now = Instant.now();
            String detail = describe(proposal) + (comment == null ? "" : "；核定意見：" + comment);
            Update update = new Update().unset("proposal").push("history", entry(actor, "SIGNED_OFF", detail));
            DomainEvent event = switch (proposal.outcome()) {
                case APPROVE -> {
                    requireApprovable(current);
                    update.set("decision", new ReviewCase.Decision("APPROVED", null, actor.username(), now,
                            proposal.proposedBy()));
                    yield ApplicationApproved.of(applicationId, CorrelationIds.current(), current.certificateNo(),
                            actor.username());
                }
                case REJECT -> {
                    update.set("decision", new ReviewCase.Decision("REJECTED", proposal.reason(), actor.username(),
                            now, proposal.proposedBy()));
                    yield ApplicationRejected.of(applicationId, CorrelationIds.current(), current.certificateNo(),
                            proposal.reason(), actor.username());
                }
                case SUPPLEMENT -> {
                    int round = Math.max(current.receivedRound(),
                            current.verification() == null ? 1 : current.verification().roundOrFirst()) + 1;
                    update.set("supplementRequest", new ReviewCase.SupplementRequest(round, proposal.documents(),
                            proposal.note(), proposal.proposedBy(), actor.username(), now));
                    yield SupplementRequested.of(applicationId, CorrelationIds.current(), current.certificateNo(),
                            proposal.documents().stream()
                                    .map(d -> new SupplementRequested.RequestedDocument(d.kind(), d.reason()))
                                    .toList(),
                            proposal.note(), actor.username());
                }
            };
            PendingEvent pending = outbox.pending(event);
            act(current, requireRevision(request == null ? null : request.revision()),
                    update.push(PendingEvent.FIELD, pending), actor);
            log.info("case {} {} signed off by {} (proposed by {})", applicationId, proposal.outcome(),
                    actor.username(), proposal.proposedBy());
            relay.publishSoon(Cases.COLLECTION, applicationId);
            return get(applicationId);
        });
    }

    /** The supervisor returns the proposal to the reviewers with a comment; the case is open again. */
    public ReviewCase sendBack(String applicationId, SignOffRequest request, Actor actor) {
        return audited.run(actor, "SEND_BACK", applicationId, null, () -> {
            String comment = requiredText(request == null ? null : request.comment(), "comment",
                    "退回擬辦須填寫意見，承辦人會看到這段說明");
            ReviewCase current = get(applicationId);
            requireStatus(current, CaseStatus.AWAITING_SIGN_OFF, "退回擬辦");
            requireOtherOfficer(current.proposal().proposedBy(), actor);
            Update update = new Update().unset("proposal")
                    .push("history", entry(actor, "SENT_BACK", describe(current.proposal()) + "；意見：" + comment));
            act(current, requireRevision(request.revision()), update, actor);
            return get(applicationId);
        });
    }

    private void act(ReviewCase current, Long shownRevision, Update update, Actor actor) {
        long revision = current.revisionOrZero();
        if (shownRevision != null && shownRevision != revision) {
            throw changedMeanwhile(current);
        }
        if (!cases.act(current.applicationId(), revision, update)) {
            throw changedMeanwhile(get(current.applicationId()));
        }
    }

    private static ApiException changedMeanwhile(ReviewCase now) {
        return SignOffRules.changedMeanwhile(now.historyOrEmpty(), now.status().label());
    }

    private static void requireStatus(ReviewCase current, CaseStatus expected, String what) {
        if (current.status() == expected) {
            return;
        }
        if (current.decision() != null) {
            ReviewCase.Decision d = current.decision();
            throw ApiException.conflict("ALREADY_DECIDED", "此案件已由 " + d.decidedBy() + " 於 " + taipei(d.decidedAt())
                    + " 核定（" + current.status().label() + "），不能再" + what);
        }
        throw ApiException.conflict("WRONG_STATUS", "案件目前為「" + current.status().label() + "」，不能" + what);
    }

    /** Approval needs a confirmed contact address and verified documents of the newest round. */
    private static void requireApprovable(ReviewCase current) {
        if (current.contactEmailConfirmedAt() == null) {
            throw ApiException.conflict("CONTACT_EMAIL_UNCONFIRMED", "申請人尚未確認聯絡電子郵件，不能核准");
        }
        if (!current.documentsVerified()) {
            throw ApiException.conflict("DOCUMENTS_NOT_VERIFIED", "文件尚未完成檢核，不能核准");
        }
    }

    private static void requireKnownDocuments(ReviewCase current, List<RequestedDocument> documents) {
        Set<String> onCase = new HashSet<>();
        current.currentDocuments().forEach(d -> onCase.add(d.kind()));
        List<FieldViolation> errors = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            String kind = documents.get(i).kind();
            if (!onCase.contains(kind) && !DocumentKinds.HARASSMENT_EVIDENCE.equals(kind)) {
                errors.add(new FieldViolation("documents[" + i + "].kind", "NOT_ON_CASE",
                        "此案件沒有「" + DocumentKinds.label(kind) + "」可補正"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static Proposal validProposal(ProposalRequest request, Actor actor) {
        if (!actor.hasRole(Roles.REVIEWER)) {
            throw ApiException.forbidden("NOT_REVIEWER", "擬辦由承辦人（reviewer）為之");
        }
        if (request == null || request.outcome() == null) {
            throw ApiException.invalid(List.of(new FieldViolation("outcome", "REQUIRED", "請選擇擬核准、擬駁回或擬退回補正")));
        }
        Instant now = Instant.now();
        return switch (request.outcome()) {
            case APPROVE -> new Proposal(Outcome.APPROVE, null, List.of(), optionalText(request.note(), "note"),
                    actor.username(), now);
            case REJECT -> new Proposal(Outcome.REJECT, requiredText(request.reason(), "reason",
                    "駁回須填寫理由，申請人會收到這段說明"), List.of(), optionalText(request.note(), "note"),
                    actor.username(), now);
            case SUPPLEMENT -> new Proposal(Outcome.SUPPLEMENT, null, validDocuments(request.documents()),
                    optionalText(request.note(), "note"), actor.username(), now);
        };
    }

    private static List<RequestedDocument> validDocuments(List<RequestedDocument> documents) {
        if (documents == null || documents.isEmpty()) {
            throw ApiException.invalid(List.of(new FieldViolation("documents", "REQUIRED", "請列出需補正的文件及原因")));
        }
        List<FieldViolation> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<RequestedDocument> valid = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            RequestedDocument d = documents.get(i);
            String field = "documents[" + i + "]";
            if (d == null || d.kind() == null || !DocumentKinds.known(d.kind())) {
                errors.add(new FieldViolation(field + ".kind", "UNKNOWN_KIND", "請選擇要補正的文件"));
                continue;
            }
            if (!seen.add(d.kind())) {
                errors.add(new FieldViolation(field + ".kind", "DUPLICATE", "「" + DocumentKinds.label(d.kind())
                        + "」重複列出"));
            }
            String reason = d.reason() == null ? "" : d.reason().strip();
            if (reason.isEmpty()) {
                errors.add(new FieldViolation(field + ".reason", "REQUIRED", "請說明「" + DocumentKinds.label(d.kind())
                        + "」需補正的原因"));
            } else if (reason.length() > SignOffRules.MAX_TEXT) {
                errors.add(new FieldViolation(field + ".reason", "TOO_LONG", "原因最多 1000 字"));
            }
            valid.add(new RequestedDocument(d.kind(), reason));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return List.copyOf(valid);
    }

    private static String describe(Proposal proposal) {
        StringBuilder text = new StringBuilder(proposal.outcome().label());
        if (proposal.reason() != null) {
            text.append("：").append(proposal.reason());
        }
        for (RequestedDocument d : proposal.documents()) {
            text.append("；").append(DocumentKinds.label(d.kind())).append("：").append(d.reason());
        }
        if (proposal.note() != null) {
            text.append("；說明：").append(proposal.note());
        }
        return text.toString();
    }

}
