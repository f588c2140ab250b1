package tw.laborcloud.unionaffairs.filing;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The {@code filings} collection; every change is a conditional update of one document. */
@Component
class Filings {

    static final String USED_UPLOADS = "usedUploadIds";

    private static final Logger log = LoggerFactory.getLogger(Filings.class);

    private final MongoTemplate mongo;

    Filings(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * One filing per upload, enforced by the store (sparse: drafts never submitted have no used
     * uploads). Startup goes on without it when the store refuses; the check before each
     * submission still holds, only two submissions at the very same moment could both pass.
     */
    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        try {
            mongo.indexOps(Filing.COLLECTION).createIndex(new Index(USED_UPLOADS, Sort.Direction.ASC).unique()
                    .sparse().named(USED_UPLOADS));
        } catch (RuntimeException e) {
            log.warn("could not create the index {} of {}: {}", USED_UPLOADS, Filing.COLLECTION, e.toString());
        }
    }

    /** Which of these uploads a filing other than {@code filingId} already used in a submission. */
    Set<String> usedElsewhere(Set<String> uploadIds, String filingId) {
        Query used = query(where(USED_UPLOADS).in(uploadIds).and("_id").ne(filingId));
        used.fields().include(USED_UPLOADS);
        Set<String> found = new HashSet<>();
        for (Document other : mongo.find(used, Document.class, Filing.COLLECTION)) {
            other.getList(USED_UPLOADS, String.class).stream().filter(uploadIds::contains).forEach(found::add);
        }
        return found;
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

    /**
     * Applies the union's change if the filing is still at this revision and in one of these states.
     *
     * @throws UploadAlreadyUsed when the change adds a used upload that another filing used first
     */
    boolean updateIf(String unionId, String filingId, long revision, Collection<FilingStatus> states,
            Update update) {
        Query current = query(where("_id").is(filingId).and("unionId").is(unionId).and("revision").is(revision)
                .and("status").in(states.stream().map(Enum::name).toList()));
        try {
            return mongo.updateFirst(current, update.inc("revision", 1), Filing.class).getModifiedCount() > 0;
        } catch (DuplicateKeyException taken) {
            throw new UploadAlreadyUsed();
        }
    }

    /** An upload of the filing was used by another filing first (the unique index said so). */
    static final class UploadAlreadyUsed extends RuntimeException {
        UploadAlreadyUsed() {
            super("an upload is already used by another filing", null, false, false);
        }
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
