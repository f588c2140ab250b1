package tw.laborcloud.ops.trace;

import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tw.laborcloud.ops.intake.EventFacts;
import tw.laborcloud.ops.intake.RecordHeaders;
import tw.laborcloud.ops.masking.PayloadMasker;

/**
 * The {@code timeline} collection: one entry per event id (an upsert, so reading a record twice
 * changes nothing), with every delivery of it; found by application id or certificate number.
 */
@Component
public class Timeline {

    static final String COLLECTION = "timeline";

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final PayloadMasker masker;

    public Timeline(MongoTemplate mongo, JsonMapper json, PayloadMasker masker) {
        this.mongo = mongo;
        this.json = json;
        this.masker = masker;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("applicationId", Sort.Direction.ASC).named("application"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("certificateNo", Sort.Direction.ASC).named("certificate"));
    }

    public void record(ConsumerRecord<byte[], byte[]> record) {
        EventFacts facts = EventFacts.of(record, record.topic(), json);
        Document delivery = new Document("partition", record.partition()).append("offset", record.offset())
                .append("at", new Date(record.timestamp()));
        String replayedBy = RecordHeaders.text(record, RecordHeaders.REPLAYED_BY);
        if (replayedBy != null) {
            delivery.append("replayedBy", replayedBy);
        }
        Update update = new Update()
                .setOnInsert("eventType", facts.eventType())
                .setOnInsert("topic", record.topic())
                .setOnInsert("applicationId", facts.applicationId())
                .setOnInsert("certificateNo", facts.certificateNo())
                .setOnInsert("occurredAt", Date.from(facts.occurredAt()))
                .setOnInsert("correlationId", facts.correlationId())
                .setOnInsert("traceId", RecordHeaders.traceId(RecordHeaders.text(record, RecordHeaders.TRACEPARENT)))
                .setOnInsert("payload", masker.maskPayload(RecordHeaders.utf8(record.value())))
                .addToSet("deliveries", delivery);
        mongo.upsert(Query.query(Criteria.where("_id").is(facts.eventId())), update, COLLECTION);
    }

    /** Every event of the application with this id, or of the applications with this certificate number. */
    public List<TimelineEntry> find(String applicationIdOrCertificateNo) {
        Set<String> applications = new LinkedHashSet<>();
        applications.add(applicationIdOrCertificateNo);
        Query byCertificate = Query.query(Criteria.where("certificateNo").is(applicationIdOrCertificateNo));
        byCertificate.fields().include("applicationId");
        mongo.find(byCertificate, Document.class, COLLECTION).forEach(d -> {
            if (d.getString("applicationId") != null) {
                applications.add(d.getString("applicationId"));
            }
        });
        return ofApplications(applications);
    }

    List<TimelineEntry> ofApplications(Collection<String> applicationIds) {
        return mongo.find(Query.query(Criteria.where("applicationId").in(applicationIds)), TimelineEntry.class,
                COLLECTION);
    }
}
