package tw.laborcloud.document.access;

import java.time.Instant;
import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import tw.laborcloud.events.registration.AccountActivated;
import tw.laborcloud.platform.inbound.AppliedEvents;

/**
 * Which union an application belongs to (collection {@code owners}: applicationId -> unionId):
 * a registration once AccountActivated says which union it became (until then its documents
 * belong to no union); a union-affairs filing (its id is the application id of its
 * attachments) from its first FilingSubmitted, which names the union that filed it.
 */
@Component
public class Owners {

    public static final String COLLECTION = "owners";

    private static final Logger log = LoggerFactory.getLogger(Owners.class);

    private final MongoTemplate mongo;
    private final AppliedEvents appliedEvents;

    Owners(MongoTemplate mongo, AppliedEvents appliedEvents) {
        this.mongo = mongo;
        this.appliedEvents = appliedEvents;
    }

    public void activated(AccountActivated activated) {
        boolean applied = appliedEvents.applyOnce(COLLECTION, activated.applicationId(), activated.eventId(),
                new Update().set("unionId", activated.unionId()).set("activatedAt", activated.occurredAt()));
        if (applied) {
            log.info("documents of {} now belong to union {}", activated.applicationId(), activated.unionId());
        }
    }

    /** The filing's attachments belong to the union that filed it; the first submission fixes it. */
    public void filed(String filingId, String unionId, String eventId, Instant at) {
        boolean applied = appliedEvents.applyOnce(COLLECTION, filingId, eventId,
                new Update().setOnInsert("unionId", unionId).setOnInsert("filedAt", at));
        if (applied) {
            log.info("attachments of filing {} belong to union {}", filingId, unionId);
        }
    }

    Optional<String> unionOf(String applicationId) {
        if (applicationId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(applicationId, Document.class, COLLECTION))
                .map(owner -> owner.getString("unionId"));
    }
}
