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
import tw.laborcloud.review.signoff.Revisions;

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

    /**
     * Every case with registration data, oldest first, with only what a queue line needs. The
     * status is derived from several fields (events arrive in any order), so the queue filters
     * in memory: a bureau handles hundreds of open registrations a year, not millions
     * (docs/benchmarks.md: 10,000 open cases in ~3 ms), and decided cases are excluded unless
     * asked for.
     */
    public List<ReviewCase> all(boolean includeDecided) {
        Criteria criteria = Criteria.where("certificateNo").exists(true);
        if (!includeDecided) {
            criteria = criteria.and("decision").exists(false);
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.ASC, "submittedAt"));
        // the queue needs the status facts, not the form data, histories or the seals' ink maps
        query.fields().exclude("details", "documents", "history", "replacements", "verification.documents",
                "contactEmail", PendingEvent.FIELD, "appliedEvents");
        return mongo.find(query, ReviewCase.class);
    }

    /**
     * Applies an officer's action only if nobody acted on the case since it was read: the
     * revision moves with every action, so of two officers acting at once exactly one write
     * matches and the other is told what happened instead.
     */
    public boolean act(String applicationId, long readRevision, Update update) {
        Query undecided = Query.query(Revisions.unchanged(applicationId, readRevision).and("decision").exists(false));
        return mongo.updateFirst(undecided, Revisions.next(update), ReviewCase.class).getModifiedCount() == 1;
    }
}
