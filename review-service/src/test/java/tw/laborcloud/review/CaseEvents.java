package tw.laborcloud.review;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import static org.awaitility.Awaitility.await;

import tw.laborcloud.events.Topics;
import tw.laborcloud.platform.test.KafkaTestClient;
import tw.laborcloud.review.cases.CaseStatus;
import tw.laborcloud.review.cases.Cases;

/** Sends the events that make a case, as the registration and document services would. */
final class CaseEvents {

    static final String CERTIFICATE_NO = "55500011";
    static final String UNION_NAME = "新北市測試職業工會";

    private final String brokers;
    private final Cases cases;

    CaseEvents(String brokers, Cases cases) {
        this.brokers = brokers;
        this.cases = cases;
    }

    static String newApplicationId() {
        return "R20261120-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    void submitted(String applicationId, String certificateNo, String unionName, String unionType) {
        KafkaTestClient.send(brokers, Topics.REGISTRATION_SUBMITTED, applicationId,
                submittedJson(applicationId, certificateNo, unionName, unionType));
    }

    /**
     * The first events of many new cases at once, one batch per topic sent side by side, so
     * that review-service's three consumers meet each new case at about the same moment.
     */
    void firstEventsTogether(List<String> applicationIds) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < applicationIds.size(); i++) {
            String id = applicationIds.get(i);
            records.add(new ProducerRecord<>(Topics.REGISTRATION_SUBMITTED, id,
                    submittedJson(id, "%08d".formatted(60000000 + i), UNION_NAME, "OCCUPATIONAL")));
            records.add(new ProducerRecord<>(Topics.DOCUMENTS_VERIFIED, id, verifiedJson(id, 1, "seal-" + id, null)));
            records.add(new ProducerRecord<>(Topics.CONTACT_EMAIL_CONFIRMED, id, emailConfirmedJson(id)));
        }
        KafkaTestClient.sendAll(brokers, records);
    }

    private static String submittedJson(String applicationId, String certificateNo, String unionName, String unionType) {
        return """
                {"eventId":"s-%1$s","occurredAt":"2026-11-20T02:00:00Z","applicationId":"%1$s","correlationId":"corr-review",
                 "schemaVersion":2,"certificateNo":"%2$s","unionName":"%3$s","contactEmail":"a@b.tw",
                 "documents":[{"kind":"CHARTER","uploadId":"c-%1$s"},{"kind":"UNION_SEAL","uploadId":"seal-%1$s"}],
                 "details":{"unionType":"%4$s","representative":"王小明","members":{"male":20,"female":15,"total":35}}}
                """.formatted(applicationId, certificateNo, unionName, unionType);
    }

    void verified(String applicationId, int round, String sealUploadId) {
        verified(applicationId, round, sealUploadId, null);
    }

    /** @param sealImprint the uploaded seal's ink map as the document service computes it, or null */
    void verified(String applicationId, int round, String sealUploadId, String sealImprint) {
        KafkaTestClient.send(brokers, Topics.DOCUMENTS_VERIFIED, applicationId,
                verifiedJson(applicationId, round, sealUploadId, sealImprint));
    }

    private static String verifiedJson(String applicationId, int round, String sealUploadId, String sealImprint) {
        return """
                {"eventId":"v%2$d-%1$s","occurredAt":"2026-11-20T02:01:00Z","applicationId":"%1$s","correlationId":"corr-review",
                 "schemaVersion":3,"round":%2$d,"verdict":"PASSED","documents":[
                 {"kind":"CHARTER","uploadId":"c-%1$s","contentType":"application/pdf","size":1234,"pages":2,"sha256":"ab","findings":[]},
                 {"kind":"UNION_SEAL","uploadId":"%3$s","contentType":"image/png","size":999,"sha256":"cd","findings":[],
                  "sealImprint":%4$s}]}
                """.formatted(applicationId, round, sealUploadId, sealImprint == null ? "null" : "\"" + sealImprint + "\"");
    }

    void emailConfirmed(String applicationId) {
        KafkaTestClient.send(brokers, Topics.CONTACT_EMAIL_CONFIRMED, applicationId, emailConfirmedJson(applicationId));
    }

    private static String emailConfirmedJson(String applicationId) {
        return """
                {"eventId":"e-%1$s","occurredAt":"2026-11-20T03:00:00Z","applicationId":"%1$s","correlationId":"corr-review",
                 "schemaVersion":1,"contactEmail":"a@b.tw"}
                """.formatted(applicationId);
    }

    void documentsReplaced(String applicationId, int round, String kind, String uploadId) {
        KafkaTestClient.send(brokers, Topics.DOCUMENTS_REPLACED, applicationId, """
                {"eventId":"r%2$d-%1$s","occurredAt":"2026-11-22T02:00:00Z","applicationId":"%1$s","correlationId":"corr-review",
                 "schemaVersion":1,"round":%2$d,"documents":[{"kind":"%3$s","uploadId":"%4$s"}]}
                """.formatted(applicationId, round, kind, uploadId));
    }

    /** A case ready for review: data, verified documents and (if asked) a confirmed address. */
    String readyCase(boolean emailConfirmed) {
        return readyCase(CERTIFICATE_NO, UNION_NAME, "OCCUPATIONAL", emailConfirmed);
    }

    String readyCase(String certificateNo, String unionName, String unionType, boolean emailConfirmed) {
        return readyCase(certificateNo, unionName, unionType, emailConfirmed, null);
    }

    String readyCase(String certificateNo, String unionName, String unionType, boolean emailConfirmed,
            String sealImprint) {
        String applicationId = newApplicationId();
        // the verification overtakes the registration: the case must still come together
        verified(applicationId, 1, "seal-" + applicationId, sealImprint);
        submitted(applicationId, certificateNo, unionName, unionType);
        if (emailConfirmed) {
            emailConfirmed(applicationId);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(applicationId)
                .filter(c -> c.status() == CaseStatus.READY_FOR_REVIEW)
                .filter(c -> !emailConfirmed || c.contactEmailConfirmedAt() != null).isPresent());
        return applicationId;
    }

    void awaitStatus(String applicationId, CaseStatus status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(applicationId)
                .map(c -> c.status() == status).orElse(false));
    }
}
