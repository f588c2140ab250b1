package tw.laborcloud.unionaffairs.filing;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The {@code filings} collection; every change is a conditional update of one document. */
@Component
class Filings {

    private final MongoTemplate mongo;

    Filings(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void insert(Filing filing) {
        mongo.insert(filing);
    }

    Optional<Filing> find(String filingId) {
        return Optional.ofNullable(mongo.findById(filingId, Filing.class));
    }

    /** The filing if it belongs to this union; another union's looks exactly like a missing one. */
    Optional<Filing> findOf(String unionId, String filingId) {
        return Optional.ofNullable(mongo.findOne(query(where("_id").is(filingId).and("unionId").is(unionId)),
                Filing.class));
    }

    List<Filing> of(String unionId) {
        return mongo.find(query(where("unionId").is(unionId)).with(Sort.by(Sort.Direction.DESC, "createdAt")),
                Filing.class);
    }

    /** Applies the union's change if the filing is still at this revision and in one of these states. */
    boolean updateIf(String unionId, String filingId, long revision, Collection<FilingStatus> states,
            Update update) {
        Query current = query(where("_id").is(filingId).and("unionId").is(unionId).and("revision").is(revision)
                .and("status").in(states.stream().map(Enum::name).toList()));
        return mongo.updateFirst(current, update.inc("revision", 1), Filing.class).getModifiedCount() > 0;
    }

    boolean deleteDraft(String unionId, String filingId) {
        return mongo.remove(query(where("_id").is(filingId).and("unionId").is(unionId)
                .and("status").is(FilingStatus.DRAFT.name())), Filing.class).getDeletedCount() > 0;
    }

    /** Takes in a decision on this round once: a redelivered event, or one for another round, changes nothing. */
    boolean decide(String filingId, int round, String eventId, Update update) {
        Query undecided = query(where("_id").is(filingId).and("round").is(round)
                .and("status").is(FilingStatus.SUBMITTED.name()).and("appliedEvents").ne(eventId));
        return mongo.updateFirst(undecided, update.addToSet("appliedEvents", eventId), Filing.class)
                .getModifiedCount() > 0;
    }
}
