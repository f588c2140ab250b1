package tw.laborcloud.registration.captcha;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
class Captchas {

    static final String COLLECTION = "captchas";

    private final MongoTemplate mongo;

    Captchas(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void insert(Captcha captcha) {
        mongo.insert(captcha);
    }

    /** Marks the captcha used and returns it as it was; empty if unknown or already used. */
    Optional<Captcha> use(String id) {
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("used").is(false)),
                new Update().set("used", true), FindAndModifyOptions.options().returnNew(false), Captcha.class));
    }

    long deleteExpired(Instant now) {
        return mongo.remove(Query.query(Criteria.where("expiresAt").lt(now)), Captcha.class).getDeletedCount();
    }
}
