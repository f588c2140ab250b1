package tw.laborcloud.registration.registration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
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
    private static final String ROUND = "documentsRound";

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

    /**
     * Applies a verification of the document set {@code round} at most once, and only while
     * that set is the current one: the result of a set the applicant has since replaced must
     * not mark the new set verified. False when not applied (seen before, or an older round).
     */
    public boolean applyToRound(String applicationId, String eventId, int round, Update update) {
        Query currentRound = Query.query(Criteria.where("_id").is(applicationId).and(AppliedEvents.FIELD).ne(eventId))
                .addCriteria(roundIs(round));
        update.addToSet(AppliedEvents.FIELD, eventId);
        return mongo.updateFirst(currentRound, update, Registration.class).getModifiedCount() == 1;
    }

    /** Keeps the time of a wrong password with the few before it (all the limit needs). */
    /**
     * Counts a password attempt before its (deliberately slow) check, so that parallel requests
     * see each other: returns the attempts on record after this one. A wrong password leaves it
     * there as the failure; a right one takes it back ({@link #releaseAttempt}).
     */
    public List<Instant> reserveAttempt(String applicationId, PasswordAttempts.Attempt attempt) {
        Registration after = mongo.findAndModify(Query.query(Criteria.where("_id").is(applicationId)),
                new Update().push("wrongPasswords").slice(-PasswordAttempts.KEPT).each(attempt),
                FindAndModifyOptions.options().returnNew(true), Registration.class);
        return after == null ? List.of() : PasswordAttempts.times(after.wrongPasswords());
    }

    public void releaseAttempt(String applicationId, PasswordAttempts.Attempt attempt) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(applicationId)),
                new Update().pull("wrongPasswords", Query.query(Criteria.where("id").is(attempt.id()))),
                Registration.class);
        // a right password leaves the registration as it was, without an empty list behind
        mongo.updateFirst(Query.query(Criteria.where("_id").is(applicationId).and("wrongPasswords").size(0)),
                new Update().unset("wrongPasswords"), Registration.class);
    }

    /**
     * Takes the applicant's replacements in one write, only while the registration still
     * awaits the very supplement request it was read with (same request, same round): of two
     * simultaneous submissions exactly one is taken. The request moves to the history, the
     * verification of the replaced set is cleared, the wrong-password count starts again.
     */
    public boolean replaceDocuments(Registration awaiting, List<RegistrationRequest.DocumentRef> documents,
            Registration.SupplementRound answered, Instant at, PendingEvent event) {
        Query stillAwaiting = Query.query(Criteria.where("_id").is(awaiting.applicationId())
                        .and("supplementRequestedAt").is(awaiting.supplementRequestedAt())
                        .and("decision").is(null))
                .addCriteria(roundIs(awaiting.currentRound()));
        Update update = new Update().set("documents", documents)
                .set(ROUND, answered.round())
                .set("supplementsReceivedAt", at)
                .push("supplementHistory", answered)
                .unset("supplementRequestedAt").unset("supplementDocuments").unset("supplementNote")
                .unset("documentsVerdict").unset("documentsVerifiedAt")
                .unset("wrongPasswords")
                .push(PendingEvent.FIELD, event);
        return mongo.updateFirst(stillAwaiting, update, Registration.class).getModifiedCount() == 1;
    }

    /** Registrations stored before rounds existed have no round field: theirs is 1. */
    private static Criteria roundIs(int round) {
        return round == 1
                ? new Criteria().orOperator(Criteria.where(ROUND).is(1), Criteria.where(ROUND).is(null))
                : Criteria.where(ROUND).is(round);
    }

    public void recordActivationFailure(String applicationId, int attempts, Instant nextAttemptAt, String error) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(applicationId)),
                new Update().set("activation.attempts", attempts).set("activation.nextAttemptAt", nextAttemptAt)
                        .set("activation.lastError", error),
                Registration.class);
    }
}
