package tw.laborcloud.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import tw.laborcloud.notification.delivery.Notification.DeliveryAttempt;
import tw.laborcloud.notification.delivery.Notification.Resend;
import tw.laborcloud.notification.mail.MailContent;

/**
 * The {@code notifications} collection. Every state change is one conditional
 * single-document update, so concurrent consumers and instances agree without
 * transactions: only one insert per id wins, only one claim per due notice wins.
 */
@Component
public class Notifications {

    private static final String DELIVERIES = "deliveries";

    private final MongoTemplate mongo;

    public Notifications(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(Notification.COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("nextAttemptAt", Sort.Direction.ASC).named("due"));
        mongo.indexOps(Notification.COLLECTION).createIndex(new Index().on("applicationId", Sort.Direction.ASC)
                .named("application"));
    }

    /** Returns false when this notice was recorded before (a redelivered or repeated event). */
    public boolean record(Notification notification) {
        try {
            mongo.insert(notification);
            return true;
        } catch (DuplicateKeyException alreadyRecorded) {
            return false;
        }
    }

    public List<Notification> ofApplication(String applicationId) {
        return mongo.find(Query.query(Criteria.where("applicationId").is(applicationId))
                .with(Sort.by("createdAt")), Notification.class);
    }

    public List<Notification> waitingForRecipient(String applicationId) {
        return mongo.find(Query.query(Criteria.where("applicationId").is(applicationId)
                .and("status").is(NotificationStatus.WAITING_FOR_RECIPIENT)), Notification.class);
    }

    /** Gives a waiting notice its address and content; false if another thread did it first. */
    public boolean release(String id, String to, MailContent content, Instant now) {
        Query waiting = Query.query(Criteria.where("_id").is(id).and("status").is(NotificationStatus.WAITING_FOR_RECIPIENT));
        Update update = new Update().set("to", to).set("subject", content.subject()).set("text", content.text())
                .set("html", content.html()).set("status", NotificationStatus.PENDING).set("nextAttemptAt", now);
        return mongo.updateFirst(waiting, update, Notification.class).getModifiedCount() > 0;
    }

    /** Ids of notices due now: pending ones whose time came, and sending ones whose sender vanished. */
    public List<String> due(Instant now, int limit) {
        Query query = Query.query(dueCriteria(now)).with(Sort.by("nextAttemptAt")).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, Notification.COLLECTION).stream()
                .map(d -> d.getString("_id")).toList();
    }

    /** Takes the notice for one sender until {@code leaseUntil}, if it is due; empty if not or if taken. */
    public Optional<Notification> claim(String id, String token, Instant now, Instant leaseUntil) {
        Query query = Query.query(new Criteria().andOperator(Criteria.where("_id").is(id), dueCriteria(now)));
        Update update = new Update().set("status", NotificationStatus.SENDING).set("leaseUntil", leaseUntil)
                .set("claimToken", token);
        return Optional.ofNullable(mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
                Notification.class));
    }

    public void markSent(String id, String token, Instant now) {
        mongo.updateFirst(claimedBy(id, token), new Update().set("status", NotificationStatus.SENT)
                .set("sentAt", now).unset("leaseUntil").unset("claimToken").unset("nextAttemptAt")
                .push(DELIVERIES, new DeliveryAttempt(now, DeliveryAttempt.Outcome.SENT, null, null)),
                Notification.class);
    }

    /** Records a failed attempt: due again at {@code nextAttemptAt}, or FAILED when that is null. */
    public void markAttemptFailed(String id, String token, String error, Instant now, Instant nextAttemptAt) {
        Update update = new Update().inc("attempts", 1).set("lastError", error).unset("leaseUntil")
                .unset("claimToken");
        if (nextAttemptAt == null) {
            update.set("status", NotificationStatus.FAILED).unset("nextAttemptAt")
                    .push(DELIVERIES, new DeliveryAttempt(now, DeliveryAttempt.Outcome.FAILED, error, null));
        } else {
            update.set("status", NotificationStatus.PENDING).set("nextAttemptAt", nextAttemptAt)
                    .push(DELIVERIES, new DeliveryAttempt(now, DeliveryAttempt.Outcome.RETRYING, error, nextAttemptAt));
        }
        mongo.updateFirst(claimedBy(id, token), update, Notification.class);
    }

    /**
     * Puts a notice that was given up on back in the queue with a fresh count of attempts, and
     * records who did it. False when it is not (or no longer) FAILED: two operators pressing
     * "resend" at once queue it once.
     */
    public boolean resend(String id, String by, Instant now) {
        Query failed = Query.query(Criteria.where("_id").is(id).and("status").is(NotificationStatus.FAILED));
        Update update = new Update().set("status", NotificationStatus.PENDING).set("attempts", 0)
                .set("nextAttemptAt", now).push("resends", new Resend(by, now));
        return mongo.updateFirst(failed, update, Notification.class).getModifiedCount() > 0;
    }

    public Optional<Notification> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Notification.class));
    }

    /** Notices in one state, oldest first (for ops: the FAILED ones wait for a decision). */
    public List<Notification> withStatus(NotificationStatus status, int limit) {
        return mongo.find(Query.query(Criteria.where("status").is(status)).with(Sort.by("createdAt")).limit(limit),
                Notification.class);
    }

    private static Criteria dueCriteria(Instant now) {
        return new Criteria().orOperator(
                Criteria.where("status").is(NotificationStatus.PENDING).and("nextAttemptAt").lte(now),
                Criteria.where("status").is(NotificationStatus.SENDING).and("leaseUntil").lte(now));
    }

    private static Query claimedBy(String id, String token) {
        return Query.query(Criteria.where("_id").is(id).and("status").is(NotificationStatus.SENDING)
                .and("claimToken").is(token));
    }
}
