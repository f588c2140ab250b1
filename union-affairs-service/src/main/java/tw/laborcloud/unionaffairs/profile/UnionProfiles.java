package tw.laborcloud.unionaffairs.profile;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import tw.laborcloud.events.registration.AccountActivated;
import tw.laborcloud.events.registration.UnionDetails;
import tw.laborcloud.platform.inbound.AppliedEvents;
import tw.laborcloud.platform.inbound.Inbound.MalformedEventException;
import tw.laborcloud.unionaffairs.profile.UnionProfile.ProfileChange;

/** The {@code unions} collection. */
@Component
public class UnionProfiles {

    /** Set once, by the first activation that carried the registration form; marks the details as taken. */
    static final String DETAILS_FROM = "detailsFrom";

    private static final Logger log = LoggerFactory.getLogger(UnionProfiles.class);

    private final MongoTemplate mongo;
    private final AppliedEvents appliedEvents;

    public UnionProfiles(MongoTemplate mongo, AppliedEvents appliedEvents) {
        this.mongo = mongo;
        this.appliedEvents = appliedEvents;
    }

    /**
     * Creates (or completes) the profile of an activated union, once per event id.
     * {@code activatedAt} only ever moves to an earlier time, so a republished activation
     * (new event id) does not change when the union was activated. The registration's
     * details are taken once: a republished activation must not undo what accepted filings
     * changed since (address, representative, counts), nor revive a dissolved union.
     * Both writes are single-document and idempotent, so a crash between them is repaired
     * by the redelivery.
     */
    public boolean activate(AccountActivated event) {
        if (event.unionId() == null || event.unionId().isBlank()) {
            throw new MalformedEventException("AccountActivated without unionId: " + event.eventId());
        }
        if (event.details() != null) {
            takeDetails(event.unionId(), event.eventId(), event.details());
        }
        Instant activatedAt = event.occurredAt() == null ? Instant.now() : event.occurredAt();
        Update update = new Update()
                .set("certificateNo", event.certificateNo())
                .set("unionName", event.unionName())
                .set("contactEmail", event.contactEmail())
                .set("applicationId", event.applicationId())
                .setOnInsert("status", UnionProfile.Status.ACTIVE)
                .min("activatedAt", activatedAt);
        return appliedEvents.applyOnce(UnionProfile.COLLECTION, event.unionId(), event.eventId(), update);
    }

    private void takeDetails(String unionId, String eventId, UnionDetails d) {
        Update update = new Update()
                .set(DETAILS_FROM, eventId)
                .setOnInsert("status", UnionProfile.Status.ACTIVE)
                .set("unionType", d.unionType())
                .set("representative", d.representative())
                .set("address", d.address())
                .set("mailingAddress", d.mailingAddress())
                .set("foundedOn", d.foundedOn())
                .set("members", d.members())
                .set("memberRepresentatives", d.memberRepresentatives())
                .set("directors", d.directors())
                .set("supervisors", d.supervisors())
                .set("memberUnions", d.memberUnions())
                .set("contactName", d.contactName())
                .set("contactPhone", d.contactPhone())
                .set("fax", d.fax())
                .set("backupEmail", d.backupEmail());
        Query withoutDetails = query(where("_id").is(unionId).and(DETAILS_FROM).exists(false));
        try {
            mongo.upsert(withoutDetails, update, UnionProfile.COLLECTION);
        } catch (DuplicateKeyException insertCollided) {
            // the profile exists: it has its details already, or it was created between our filter and our
            // insert (then the details are still to be taken, as a plain update)
            if (mongo.updateFirst(withoutDetails, update, UnionProfile.COLLECTION).getMatchedCount() == 0) {
                log.debug("details of {} were taken before; activation {} leaves them", unionId, eventId);
            }
        }
    }

    /**
     * Applies what an accepted filing changes, at most once per decision: {@code decisionKey}
     * names the filing and its round, so neither a redelivered event nor a republished one
     * (new event id, same decision) applies it twice.
     */
    public boolean applyChange(String unionId, String decisionKey, Update change, ProfileChange entry) {
        return appliedEvents.applyOnce(UnionProfile.COLLECTION, unionId, decisionKey, change.push("changes", entry));
    }

    public Optional<UnionProfile> find(String unionId) {
        return Optional.ofNullable(mongo.findById(unionId, UnionProfile.class));
    }
}
