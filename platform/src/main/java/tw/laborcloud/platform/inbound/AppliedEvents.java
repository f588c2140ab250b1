package tw.laborcloud.platform.inbound;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.client.result.UpdateResult;

/**
 * Applies an event's change to an aggregate at most once, in one single-document upsert
 * that also records the event id in the aggregate's {@code appliedEvents}. Arrival order
 * across topics does not matter as long as each event's update only sets what that event
 * knows (upsert creates the aggregate if its first event is a late one).
 * <p>
 * Two first events of an aggregate that does not exist yet may arrive together (two topics,
 * two consumer threads, or two instances). On MongoDB both upserts then find nothing and
 * insert, and one insert fails with a duplicate key although its event was never applied.
 * A duplicate key is therefore never taken for "already applied" by itself: the change is
 * retried as a conditional update of the aggregate that now exists, and the event counts as
 * applied before only when its id is really recorded.
 */
public class AppliedEvents {

    public static final String FIELD = "appliedEvents";

    /** Upsert, then update: a document that vanishes between the two (deleted) is tried again this often. */
    private static final int ATTEMPTS = 3;

    private final MongoTemplate mongo;

    public AppliedEvents(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Returns true when the update was applied now, false when this event was applied before. */
    public boolean applyOnce(String collection, Object aggregateId, String eventId, Update update) {
        Query notYetApplied = Query.query(Criteria.where("_id").is(aggregateId).and(FIELD).ne(eventId));
        update.addToSet(FIELD, eventId);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                UpdateResult result = mongo.upsert(notYetApplied, update, collection);
                return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
            } catch (DuplicateKeyException insertCollided) {
                // the aggregate exists: either it records the event already, or another event created it
                // between our filter and our insert; the update below tells the two apart
                if (mongo.updateFirst(notYetApplied, update, collection).getMatchedCount() > 0) {
                    return true;
                }
                if (mongo.exists(Query.query(Criteria.where("_id").is(aggregateId).and(FIELD).is(eventId)), collection)) {
                    return false;
                }
                // neither applied nor recorded: the aggregate was removed in between; upsert again
            }
        }
        throw new IllegalStateException("event " + eventId + " could not be applied to " + collection + "/"
                + aggregateId + " in " + ATTEMPTS + " attempts: the aggregate keeps appearing and vanishing");
    }
}
