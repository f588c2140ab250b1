package tw.laborcloud.registration.registration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import tw.laborcloud.platform.inbound.AppliedEvents;
import tw.laborcloud.platform.outbox.PendingEvent;

/** Storage of registrations; every change is one single-document write. */
@Repository
public class Registrations {

    public static final String COLLECTION = "registrations";

    private final MongoTemplate mongo;
    private final AppliedEvents appliedEvents;

    Registrations(MongoTemplate mongo, AppliedEvents appliedEvents) {
        this.mongo = mongo;
        this.appliedEvents = appliedEvents;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        // one live application per certificate number, enforced by the store itself
        mongo.indexOps(COLLECTION).createIndex(new Index("activeCertificateNo", Sort.Direction.ASC).unique());
    }

    /** Inserts the new registration with its pending events; false when the certificate is taken. */
    public boolean insert(Registration registration) {
        try {
            mongo.insert(registration);
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    public Optional<Registration> find(String applicationId) {
        return Optional.ofNullable(mongo.findById(applicationId, Registration.class));
    }

    public boolean activeCertificateExists(String certificateNo) {
        return mongo.exists(Query.query(Criteria.where("activeCertificateNo").is(certificateNo)), Registration.class);
    }

    public boolean applyOnce(String applicationId, String eventId, Update update) {
        return appliedEvents.applyOnce(COLLECTION, applicationId, eventId, update);
    }

    /** Approved applications whose account is due for (another) provisioning attempt. */
    public List<Registration> dueForActivation(Instant now, int limit) {
        Query query = Query.query(Criteria.where("decision").is(Registration.APPROVED)
                .and("activatedAt").exists(false)
                .and("activation.nextAttemptAt").lte(now)).limit(limit);
        return mongo.find(query, Registration.class);
    }

    /** Records the activation and its event in one write, once. */
    public boolean markActivated(String applicationId, String keycloakUserId, Instant at, PendingEvent event) {
        Query notYet = Query.query(Criteria.where("_id").is(applicationId).and("activatedAt").exists(false));
        Update update = new Update().set("activatedAt", at)
                .set("activation.keycloakUserId", keycloakUserId)
                .unset("passwordHash")
                .push(PendingEvent.FIELD, event);
        return mongo.updateFirst(notYet, update, Registration.class).getModifiedCount() == 1;
    }

    /** Records the confirmed address and its event in one write, once. */
    public boolean markEmailConfirmed(String applicationId, Instant at, PendingEvent event) {
        Query notYet = Query.query(Criteria.where("_id").is(applicationId).and("emailConfirmation.confirmedAt").is(null));
        Update update = new Update().set("emailConfirmation.confirmedAt", at).push(PendingEvent.FIELD, event);
        return mongo.updateFirst(notYet, update, Registration.class).getModifiedCount() == 1;
    }

    public void recordActivationFailure(String applicationId, int attempts, Instant nextAttemptAt, String error) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(applicationId)),
                new Update().set("activation.attempts", attempts).set("activation.nextAttemptAt", nextAttemptAt)
                        .set("activation.lastError", error),
                Registration.class);
    }
}
