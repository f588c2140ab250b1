package tw.laborcloud.document.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * Who looked at which applicant's document, allowed or refused (collection
 * {@code access_log}, append-only: written with inserts, never updated). The bureau must
 * be able to answer that question about personal data.
 */
@Component
public class AccessLog {

    public static final String COLLECTION = "access_log";

    private final MongoTemplate mongo;
    private final Clock clock;

    AccessLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    void record(Requester requester, String uploadId, String applicationId, AccessAction action, Outcome outcome,
            String code) {
        mongo.insert(new Entry(null, clock.instant(), requester.who(), requester.roles(), requester.unionId(),
                uploadId, applicationId, action, requester.remoteAddress(), requester.forwardedFor(), outcome, code));
    }

    /** How an access ended; {@code code} names the refusal or failure. */
    enum Outcome {
        ALLOWED,
        DENIED,
        NOT_FOUND,
        FAILED
    }

    @Document(COLLECTION)
    record Entry(@Id String id, Instant at, String who, List<String> roles, String unionId, String uploadId,
            String applicationId, AccessAction action, String remoteAddress, String forwardedFor, Outcome outcome,
            String code) {
    }
}
