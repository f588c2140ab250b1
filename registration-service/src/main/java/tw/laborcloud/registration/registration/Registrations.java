package tw.laborcloud.registration.registration;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
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
import tw.laborcloud.registration.account.PasswordAttempts;

/** Storage of registrations; every change is one single-document write. */
@Repository
public class Registrations {

    public static final String COLLECTION = "registrations";
    private static final String ROUND = "documentsRound";
    private static final String USED_UPLOADS = "usedUploadIds";
    static final String SUBMISSION_ID = "submissionId";

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
        // one application per upload; sparse: registrations stored before the field existed have none
        mongo.indexOps(COLLECTION).createIndex(new Index(USED_UPLOADS, Sort.Direction.ASC).unique().sparse()
                .named(USED_UPLOADS));
        // one application per filled-in form (its submission key); sparse: not every client sends one
        mongo.indexOps(COLLECTION).createIndex(new Index(SUBMISSION_ID, Sort.Direction.ASC).unique().sparse()
                .named(SUBMISSION_ID));
    }

    /** The registration a form with this submission key created, if it was sent before. */
    public Optional<Registration> findBySubmission(String submissionId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where(SUBMISSION_ID).is(submissionId)),
                Registration.class));
    }

    /**
     * Inserts the new registration with its pending events; false when the certificate is taken.
     *
     * @throws UploadAlreadyUsed when another registration took one of its uploads in the meantime
     */
    public boolean insert(Registration registration) {
        try {
            mongo.insert(registration);
            return true;
        } catch (DuplicateKeyException taken) {
            if (registration.submissionId() != null && findBySubmission(registration.submissionId()).isPresent()) {
                throw new SubmittedBefore();
            }
            if (isUsedUploads(taken)) {
                throw new UploadAlreadyUsed();
            }
            return false;
        }
    }

    /** Which of these uploads a registration other than {@code exceptApplicationId} (null: any) already used. */
    public Set<String> usedElsewhere(Set<String> uploadIds, String exceptApplicationId) {
        Criteria used = Criteria.where(USED_UPLOADS).in(uploadIds);
        if (exceptApplicationId != null) {
            used = used.and("_id").ne(exceptApplicationId);
        }
        Query query = Query.query(used);
        query.fields().include(USED_UPLOADS);
        Set<String> found = new HashSet<>();
        for (Document other : mongo.find(query, Document.class, COLLECTION)) {
            other.getList(USED_UPLOADS, String.class).stream().filter(uploadIds::contains).forEach(found::add);
        }
        return found;
    }

    /** An upload of the registration was used by another one first (the unique index said so). */
    public static final class UploadAlreadyUsed extends RuntimeException {
        UploadAlreadyUsed() {
            super("an upload is already used by another registration", null, false, false);
        }
    }

    private static boolean isUsedUploads(DuplicateKeyException e) {
        return String.valueOf(e.getMessage()).contains(USED_UPLOADS);
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
     * verification of the replaced set is cleared, the wrong-password count starts again, the
     * new uploads join the used ones, with what their tickets vouch for.
     *
     * @throws UploadAlreadyUsed when another registration took one of the new uploads in the meantime
     */
    public boolean replaceDocuments(Registration awaiting, List<RegistrationRequest.DocumentRef> documents,
            List<String> newUploadIds, List<Registration.UploadedFile> newFiles, Registration.SupplementRound answered,
            Instant at, PendingEvent event) {
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
        if (!newUploadIds.isEmpty()) {
            update.addToSet(USED_UPLOADS).each(newUploadIds.toArray());
        }
        if (!newFiles.isEmpty()) {
            update.push("uploadedFiles").each(newFiles.toArray());
        }
        try {
            return mongo.updateFirst(stillAwaiting, update, Registration.class).getModifiedCount() == 1;
        } catch (DuplicateKeyException taken) {
            if (isUsedUploads(taken)) {
                throw new UploadAlreadyUsed();
            }
            throw taken;
        }
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

    /** The same form (submission key) was stored by a request that came a moment earlier. */
    public static final class SubmittedBefore extends RuntimeException {
        SubmittedBefore() {
            super("a registration with this submission key exists", null, false, false);
        }
    }
}
