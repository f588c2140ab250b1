package tw.laborcloud.review.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The append-only audit trail of officers' views of personal data and of their actions.
 * Decisions are also recorded in the case's own history in the same write as the decision;
 * this trail adds the views, the refused attempts and the register changes.
 */
@Component
public class AuditTrail {

    public static final String COLLECTION = "audit";
    public static final String DONE = "DONE";
    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final MongoTemplate mongo;

    AuditTrail(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void record(Actor actor, String action, String subject, String detail, String outcome) {
        AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), Instant.now(), actor.username(),
                String.join(" ", actor.roles()), action, subject, detail, outcome, actor.remoteAddress());
        mongo.insert(entry);
        log.info("audit {} {} {} {}", actor.username(), action, subject, outcome);
    }

    public List<AuditEntry> forSubject(String subject) {
        return mongo.find(Query.query(Criteria.where("subject").is(subject)).with(Sort.by("at")), AuditEntry.class);
    }

    /** Entries in a period (either end open), oldest first, at most {@code limit}. */
    public List<AuditEntry> between(Instant from, Instant to, String subject, int limit) {
        Criteria criteria = new Criteria();
        if (from != null || to != null) {
            criteria = Criteria.where("at");
            if (from != null) {
                criteria = criteria.gte(from);
            }
            if (to != null) {
                criteria = criteria.lt(to);
            }
        }
        if (subject != null && !subject.isBlank()) {
            criteria = (from != null || to != null) ? criteria.and("subject").is(subject)
                    : Criteria.where("subject").is(subject);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("at")).limit(limit), AuditEntry.class);
    }
}
