package tw.laborcloud.review.signoff;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Optimistic concurrency for officers' actions: an aggregate's {@code revision} moves with
 * every action, and an action's write matches only the revision it was decided on, so of two
 * officers acting at once exactly one write matches.
 */
public final class Revisions {

    private Revisions() {
    }

    /** The aggregate {@code id} as it was at {@code readRevision} (0 = never acted on). */
    public static Criteria unchanged(String id, long readRevision) {
        Criteria unchanged = readRevision == 0
                ? new Criteria().orOperator(Criteria.where("revision").exists(false), Criteria.where("revision").is(0L))
                : Criteria.where("revision").is(readRevision);
        return Criteria.where("_id").is(id).andOperator(unchanged);
    }

    /** The update with the revision moved on. */
    public static Update next(Update update) {
        return update.inc("revision", 1L);
    }
}
