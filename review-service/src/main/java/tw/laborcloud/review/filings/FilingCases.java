package tw.laborcloud.review.filings;

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
public class FilingCases {

    public static final String COLLECTION = "filings";

    private final MongoTemplate mongo;
    private final AppliedEvents appliedEvents;

    FilingCases(MongoTemplate mongo, AppliedEvents appliedEvents) {
        this.mongo = mongo;
        this.appliedEvents = appliedEvents;
    }

    boolean applyOnce(String filingId, String eventId, Update update) {
        return appliedEvents.applyOnce(COLLECTION, filingId, eventId, update);
    }

    public Optional<FilingCase> find(String filingId) {
        return Optional.ofNullable(mongo.findById(filingId, FilingCase.class));
    }

    /** Every filing with its data, oldest submission first, without the forms, histories and outbox. */
    List<FilingCase> all() {
        Query query = Query.query(Criteria.where("unionId").exists(true))
                .with(Sort.by(Sort.Direction.ASC, "submittedAt"));
        query.fields().exclude("form", "attachments", "history", PendingEvent.FIELD, "appliedEvents");
        return mongo.find(query, FilingCase.class);
    }

    /** An officer's action, written only if nobody acted on the filing since it was read. */
    boolean act(String filingId, long readRevision, Update update) {
        return mongo.updateFirst(Query.query(Revisions.unchanged(filingId, readRevision)), Revisions.next(update),
                FilingCase.class).getModifiedCount() == 1;
    }
}
