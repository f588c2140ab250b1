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
 */
public class AppliedEvents {

    public static final String FIELD = "appliedEvents";

    private final MongoTemplate mongo;

    public AppliedEvents(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Returns true when the update was applied now, false when this event was applied before. */
    public boolean applyOnce(String collection, Object aggregateId, String eventId, Update update) {
        Query notYetApplied = Query.query(Criteria.where("_id").is(aggregateId).and(FIELD).ne(eventId));
        update.addToSet(FIELD, eventId);
        try {
            UpdateResult result = mongo.upsert(notYetApplied, update, collection);
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException alreadyApplied) {
            // the aggregate exists and already lists the event: the upsert tried to insert a second one
            return false;
        }
    }
}
