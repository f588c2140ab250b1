package tw.laborcloud.review.cases;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import tw.laborcloud.platform.inbound.AppliedEvents;
import tw.laborcloud.platform.outbox.PendingEvent;

@Repository
public class Cases {

    public static final String COLLECTION = "cases";

    private final MongoTemplate mongo;
    private final AppliedEvents appliedEvents;

    Cases(MongoTemplate mongo, AppliedEvents appliedEvents) {
        this.mongo = mongo;
        this.appliedEvents = appliedEvents;
    }

    public boolean applyOnce(String applicationId, String eventId, Update update) {
        return appliedEvents.applyOnce(COLLECTION, applicationId, eventId, update);
    }

    public Optional<ReviewCase> find(String applicationId) {
        return Optional.ofNullable(mongo.findById(applicationId, ReviewCase.class));
    }

    public List<ReviewCase> queue(int limit) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.ASC, "submittedAt")).limit(limit), ReviewCase.class);
    }

    /**
     * Records the decision, its history entry and its event in one conditional write: only
     * an undecided case with registration data and verified documents can be decided, and
     * of two officers deciding at once exactly one write matches.
     */
    public boolean decide(String applicationId, ReviewCase.Decision decision, ReviewCase.HistoryEntry entry,
            PendingEvent event, boolean requireVerifiedDocuments) {
        Criteria criteria = Criteria.where("_id").is(applicationId)
                .and("decision").exists(false)
                .and("certificateNo").exists(true);
        if (requireVerifiedDocuments) {
            criteria = criteria.and("verification").exists(true);
        }
        Query decidable = Query.query(criteria);
        Update update = new Update().set("decision", decision).push("history", entry).push(PendingEvent.FIELD, event);
        return mongo.updateFirst(decidable, update, ReviewCase.class).getModifiedCount() == 1;
    }
}
