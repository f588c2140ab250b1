package tw.laborcloud.review.register;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
public class UnionRegister {

    public static final String COLLECTION = "register";

    private final MongoTemplate mongo;

    UnionRegister(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<RegisteredUnion> find(String certificateNo) {
        return certificateNo == null ? Optional.empty()
                : Optional.ofNullable(mongo.findById(certificateNo, RegisteredUnion.class));
    }

    void save(RegisteredUnion entry) {
        mongo.save(entry);
    }

    /** A page of entries whose number or name contains {@code text}, without the seal images. */
    List<RegisteredUnion> search(String text, int page, int size) {
        Query query = matching(text).with(Sort.by("certificateNo")).skip((long) page * size).limit(size);
        query.fields().exclude("seal.image");
        return mongo.find(query, RegisteredUnion.class);
    }

    long count(String text) {
        return mongo.count(matching(text), RegisteredUnion.class);
    }

    private static Query matching(String text) {
        if (text == null || text.isBlank()) {
            return new Query();
        }
        Pattern contains = Pattern.compile(Pattern.quote(text.strip()));
        return Query.query(new Criteria().orOperator(Criteria.where("_id").regex(contains),
                Criteria.where("unionName").regex(contains)));
    }
}
