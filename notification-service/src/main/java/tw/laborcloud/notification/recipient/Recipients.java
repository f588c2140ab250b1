package tw.laborcloud.notification.recipient;

import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The addresses of applications, because later events (e.g. ApplicationRejected) do not
 * carry one. Writes are upserts of the same values, so a redelivery changes nothing.
 */
@Component
public class Recipients {

    private final MongoTemplate mongo;

    public Recipients(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void remember(Recipient recipient) {
        Update update = new Update().set("contactEmail", recipient.contactEmail())
                .set("unionName", recipient.unionName()).set("certificateNo", recipient.certificateNo());
        mongo.upsert(Query.query(Criteria.where("_id").is(recipient.applicationId())), update, Recipient.COLLECTION);
    }

    public Optional<Recipient> of(String applicationId) {
        return Optional.ofNullable(mongo.findById(applicationId, Recipient.class));
    }
}
