package tw.laborcloud.document.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import tools.jackson.databind.json.JsonMapper;
import tw.laborcloud.document.TestFiles;
import tw.laborcloud.document.upload.Uploads;
import tw.laborcloud.events.Topics;
import tw.laborcloud.events.document.DocumentsVerified;
import tw.laborcloud.events.document.DocumentsVerified.VerifiedDocument;
import tw.laborcloud.events.registration.RegistrationSubmitted;
import tw.laborcloud.events.registration.RegistrationSubmitted.SubmittedDocument;
import tw.laborcloud.platform.outbox.PendingEvent;

/**
 * From uploads and a RegistrationSubmitted event on Kafka to one DocumentsVerified on
 * Kafka, run by a subclass against the MongoDB-wire server and an in-JVM broker, or
 * against real images.
 */
@AutoConfigureMockMvc
abstract class DocumentVerificationScenarios {

    private static final String GROUP = "document-service";

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    JsonMapper json;
    @Value("${laborcloud.kafka.brokers}")
    String brokers;

    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> verified;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        verified = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        verified.subscribe(List.of(Topics.DOCUMENTS_VERIFIED));
    }

    @AfterEach
    void disconnect() {
        producer.close();
        verified.close();
    }

    @Test
    void documentsOfASubmittedRegistrationAreVerifiedOnceAndOnlyOnce() throws Exception {
        byte[] charter = TestFiles.pdf(2, "charter");
        byte[] seal = TestFiles.jpeg(300, 300, Color.RED);
        String charterId = upload("CHARTER", "章程.pdf", charter);
        String sealId = upload("UNION_SEAL", "圖記.jpg", seal);
        String unknownId = UUID.randomUUID().toString();
        String applicationId = "A-" + UUID.randomUUID();
        String event = json.writeValueAsString(RegistrationSubmitted.of(applicationId, "corr-" + applicationId,
                "12345678", "新北市測試產業工會", "clerk@example.tw", List.of(
                        new SubmittedDocument("CHARTER", charterId),
                        new SubmittedDocument("UNION_SEAL", sealId),
                        new SubmittedDocument("REPRESENTATIVE_SEAL", unknownId))));

        send(applicationId, event);

        DocumentsVerified result = awaitVerified(applicationId);
        assertThat(result.verdict()).isEqualTo(DocumentsVerified.Verdict.NEEDS_ATTENTION);
        assertThat(result.correlationId()).isEqualTo("corr-" + applicationId);
        assertThat(result.documents()).containsExactly(
                new VerifiedDocument("CHARTER", charterId, "application/pdf", charter.length, 2,
                        TestFiles.sha256(charter), List.of()),
                new VerifiedDocument("UNION_SEAL", sealId, "image/jpeg", seal.length, null, TestFiles.sha256(seal),
                        List.of()),
                new VerifiedDocument("REPRESENTATIVE_SEAL", unknownId, null, 0, null, null, List.of("UPLOAD_MISSING")));
        for (String claimed : List.of(charterId, sealId)) {
            Document upload = mongo.findById(claimed, Document.class, Uploads.COLLECTION);
            assertThat(upload.getString("status")).isEqualTo("CLAIMED");
            assertThat(upload.getString("applicationId")).isEqualTo(applicationId);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(verification(applicationId)
                .getList(PendingEvent.FIELD, Document.class)).isEmpty());
        assertThat(verification(applicationId).getString("verdict")).isEqualTo("NEEDS_ATTENTION");

        send(applicationId, event);
        awaitConsumed(Topics.REGISTRATION_SUBMITTED);

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).pollInSameThread()
                .until(() -> verifiedRecords(applicationId).size() == 1);
    }

    @Test
    void anUploadBelongsToOneApplicationAndExpiresIfUnclaimed() throws Exception {
        String sealId = upload("UNION_SEAL", "seal.bmp", TestFiles.bmp(80, 80, Color.RED));
        String lateId = upload("CERTIFICATE_SCAN", "late.pdf", TestFiles.pdf(1, "late"));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(lateId)),
                new Update().set("expiresAt", Date.from(Instant.now().minusSeconds(60))), Uploads.COLLECTION);
        String first = "A-" + UUID.randomUUID();
        String second = "A-" + UUID.randomUUID();

        submit(first, new SubmittedDocument("CHARTER", upload("CHARTER", "c.pdf", TestFiles.pdf(1, first))),
                new SubmittedDocument("UNION_SEAL", sealId));
        assertThat(awaitVerified(first).verdict()).isEqualTo(DocumentsVerified.Verdict.PASSED);
        submit(second, new SubmittedDocument("CHARTER", upload("CHARTER", "c.pdf", TestFiles.pdf(1, second))),
                new SubmittedDocument("UNION_SEAL", sealId), new SubmittedDocument("CERTIFICATE_SCAN", lateId));

        DocumentsVerified result = awaitVerified(second);
        assertThat(findingsByKind(result)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "CHARTER", List.of(),
                "UNION_SEAL", List.of("UPLOAD_CLAIMED_BY_OTHER_APPLICATION"),
                "CERTIFICATE_SCAN", List.of("UPLOAD_EXPIRED")));
        assertThat(mongo.findById(sealId, Document.class, Uploads.COLLECTION).getString("applicationId"))
                .isEqualTo(first);
        assertThat(mongo.findById(lateId, Document.class, Uploads.COLLECTION).getString("status")).isEqualTo("STAGED");
    }

    @Test
    void contentIsCheckedForTheKindItIsFiledUnder() throws Exception {
        byte[] scan = TestFiles.pdf(1, "certificate");
        String charterId = upload("CHARTER", "charter.pdf", TestFiles.encryptedPdf(""));
        String certificateId = upload("CERTIFICATE_SCAN", "certificate.pdf", scan);
        String sameScanId = upload("HARASSMENT_EVIDENCE", "evidence.pdf", scan);
        String sealId = upload("UNION_SEAL", "seal.jpg", TestFiles.jpeg(100, 100, Color.BLUE));
        String applicationId = "A-" + UUID.randomUUID();

        submit(applicationId, new SubmittedDocument("CHARTER", charterId),
                new SubmittedDocument("CERTIFICATE_SCAN", certificateId),
                new SubmittedDocument("HARASSMENT_EVIDENCE", sameScanId),
                // an image uploaded as the seal, filed as the representative's seal: kinds differ, type allowed
                new SubmittedDocument("REPRESENTATIVE_SEAL", sealId));

        DocumentsVerified result = awaitVerified(applicationId);
        assertThat(result.verdict()).isEqualTo(DocumentsVerified.Verdict.NEEDS_ATTENTION);
        assertThat(findingsByKind(result)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "CHARTER", List.of("PDF_ENCRYPTED"),
                "CERTIFICATE_SCAN", List.of("DUPLICATE_FILE"),
                "HARASSMENT_EVIDENCE", List.of("DUPLICATE_FILE"),
                "REPRESENTATIVE_SEAL", List.of("UPLOAD_KIND_MISMATCH")));
    }

    private String upload(String kind, String name, byte[] content) throws Exception {
        String body = mvc.perform(multipart("/api/documents")
                        .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                        .param("kind", kind))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.uploadId");
    }

    private void submit(String applicationId, SubmittedDocument... documents) throws Exception {
        send(applicationId, json.writeValueAsString(RegistrationSubmitted.of(applicationId, "corr-" + applicationId,
                "87654321", "新北市測試職業工會", "clerk@example.tw", List.of(documents))));
    }

    private void send(String applicationId, String event) throws Exception {
        producer.send(new ProducerRecord<>(Topics.REGISTRATION_SUBMITTED, applicationId, event)).get();
    }

    private DocumentsVerified awaitVerified(String applicationId) {
        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(60)).pollInSameThread()
                .until(() -> verifiedRecords(applicationId), r -> !r.isEmpty());
        assertThat(records).as("DocumentsVerified for %s", applicationId).hasSize(1);
        return json.readValue(records.getFirst().value(), DocumentsVerified.class);
    }

    private List<ConsumerRecord<String, String>> verifiedRecords(String applicationId) {
        verified.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream().filter(r -> applicationId.equals(r.key())).toList();
    }

    /** Waits until the service's consumer group has committed everything on the topic, i.e. handled it. */
    private void awaitConsumed(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata().get();
                ends.forEach((partition, end) -> {
                    if (end > 0) {
                        assertThat(committed.get(partition)).as("committed offset of %s", partition).isNotNull()
                                .extracting(OffsetAndMetadata::offset).isEqualTo(end);
                    }
                });
            });
        }
    }

    private Document verification(String applicationId) {
        return mongo.findById(applicationId, Document.class, RegistrationVerification.COLLECTION);
    }

    private static Map<String, List<String>> findingsByKind(DocumentsVerified result) {
        return result.documents().stream().collect(Collectors.toMap(VerifiedDocument::kind, VerifiedDocument::findings));
    }
}
