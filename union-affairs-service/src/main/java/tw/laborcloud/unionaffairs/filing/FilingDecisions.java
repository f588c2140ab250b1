package tw.laborcloud.unionaffairs.filing;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import tw.laborcloud.events.review.FilingDecided;
import tw.laborcloud.platform.inbound.Inbound.MalformedEventException;
import tw.laborcloud.unionaffairs.filing.Filing.Action;
import tw.laborcloud.unionaffairs.filing.Filing.HistoryEntry;
import tw.laborcloud.unionaffairs.profile.UnionProfile.ProfileChange;
import tw.laborcloud.unionaffairs.profile.UnionProfiles;

/**
 * Takes in the bureau's decisions (FilingDecided). An acceptance changes two documents, the
 * union's profile and the filing, without a transaction: the profile first, idempotent per
 * decision (filing and round), then the filing, conditional on its round and state. A crash
 * between the two leaves the filing SUBMITTED, so the redelivered event finds it undecided,
 * skips the profile change it already made and completes the filing.
 */
@Service
public class FilingDecisions {

    private static final Logger log = LoggerFactory.getLogger(FilingDecisions.class);

    private final Filings filings;
    private final UnionProfiles profiles;
    private final Clock clock;

    FilingDecisions(Filings filings, UnionProfiles profiles, Clock clock) {
        this.filings = filings;
        this.profiles = profiles;
        this.clock = clock;
    }

    public void apply(FilingDecided decided) {
        Filing filing = filings.find(decided.applicationId()).orElseThrow(() -> new MalformedEventException(
                "FilingDecided " + decided.eventId() + " for unknown filing " + decided.applicationId()));
        if (decided.unionId() != null && !decided.unionId().equals(filing.unionId())) {
            throw new MalformedEventException("FilingDecided " + decided.eventId() + " names union "
                    + decided.unionId() + " but filing " + filing.filingId() + " is union " + filing.unionId() + "'s");
        }
        if (decided.outcome() == null) {
            throw new MalformedEventException("FilingDecided " + decided.eventId() + " without outcome");
        }
        if (filing.appliedEvents().contains(decided.eventId())) {
            log.info("decision {} on {} was taken in before", decided.eventId(), filing.filingId());
            return;
        }
        if (decided.round() != filing.round()) {
            log.warn("decision {} on {} is for round {} but the filing is at round {}: ignored", decided.eventId(),
                    filing.filingId(), decided.round(), filing.round());
            return;
        }
        if (filing.status() != FilingStatus.SUBMITTED) {
            log.warn("decision {} on {} round {} ignored: the filing is {} already", decided.eventId(),
                    filing.filingId(), decided.round(), filing.status());
            return;
        }
        Instant now = clock.instant();
        String actor = decided.decidedBy() == null ? "新北市政府勞工局" : decided.decidedBy();
        Update update = new Update().set("decidedAt", now);
        switch (decided.outcome()) {
            case RETURNED -> {
                String reason = decided.reason() == null || decided.reason().isBlank() ? "請洽承辦人了解退回原因。"
                        : decided.reason().strip();
                update.set("status", FilingStatus.RETURNED).set("returnReason", reason)
                        .push("history", new HistoryEntry(now, actor, Action.RETURNED, reason));
            }
            case ACCEPTED -> {
                Optional<ProfileEffects.Effect> effect = ProfileEffects.of(filing);
                effect.ifPresent(e -> profiles.applyChange(filing.unionId(), decisionKey(filing),
                        e.update(), new ProfileChange(now, filing.filingId(), filing.type().name(), e.description())));
                update.set("status", FilingStatus.ACCEPTED)
                        .push("history", new HistoryEntry(now, actor, Action.ACCEPTED,
                                effect.map(ProfileEffects.Effect::description).orElse(null)));
            }
        }
        if (filings.decide(filing.filingId(), decided.round(), decided.eventId(), update)) {
            log.info("filing {} round {} {}", filing.filingId(), decided.round(), decided.outcome());
        } else {
            log.info("filing {} round {} was decided concurrently; decision {} left", filing.filingId(),
                    decided.round(), decided.eventId());
        }
    }

    /** One key per decided round, so a republished decision (new event id) does not apply twice either. */
    static String decisionKey(Filing filing) {
        return "filing:" + filing.filingId() + "#" + filing.round();
    }
}
