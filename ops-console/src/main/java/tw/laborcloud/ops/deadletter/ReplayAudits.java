package tw.laborcloud.ops.deadletter;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The {@code replays} collection: the audit trail of every replay, never edited except to complete an entry. */
@Component
public class ReplayAudits {

    static final String COLLECTION = "replays";

    private final MongoTemplate mongo;

    ReplayAudits(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void started(ReplayAudit audit) {
        mongo.insert(audit, COLLECTION);
    }

    void replayed(String id, String replayedTo, Instant at) {
        complete(id, new Update().set("outcome", ReplayAudit.Outcome.REPLAYED).set("replayedTo", replayedTo)
                .set("finishedAt", Date.from(at)));
    }

    void failed(String id, String failure, Instant at) {
        complete(id, new Update().set("outcome", ReplayAudit.Outcome.FAILED).set("failure", failure)
                .set("finishedAt", Date.from(at)));
    }

    public List<ReplayAudit> recent(int limit) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "startedAt")).limit(limit), ReplayAudit.class,
                COLLECTION);
    }

    public List<ReplayAudit> ofDeadLetter(String deadLetterId) {
        return mongo.find(Query.query(Criteria.where("deadLetterId").is(deadLetterId))
                .with(Sort.by("startedAt")), ReplayAudit.class, COLLECTION);
    }

    private void complete(String id, Update update) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("outcome").is(ReplayAudit.Outcome.STARTED)),
                update, COLLECTION);
    }
}
