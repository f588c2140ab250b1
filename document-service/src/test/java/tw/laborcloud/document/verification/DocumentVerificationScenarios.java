package tw.laborcloud.document.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.MockMvc;

import tw.laborcloud.document.EventProbe;
import tw.laborcloud.document.Multipart;
import tw.laborcloud.document.TestFiles;
import tw.laborcloud.document.reading.CertificateCorpus;
import tw.laborcloud.document.upload.EarlierUploads;
import tw.laborcloud.document.upload.Uploads;
import tw.laborcloud.events.Topics;
import tw.laborcloud.events.document.CertificateReading;
import tw.laborcloud.events.document.DocumentsVerified;
import tw.laborcloud.events.document.DocumentsVerified.Verdict;
import tw.laborcloud.events.document.DocumentsVerified.VerifiedDocument;
import tw.laborcloud.events.registration.DocumentsReplaced;
import tw.laborcloud.events.registration.RegistrationSubmitted;
import tw.laborcloud.events.registration.RegistrationSubmitted.SubmittedDocument;
import tw.laborcloud.platform.outbox.PendingEvent;
import tw.laborcloud.platform.test.SealImages;
import tw.laborcloud.seal.SealSimilarity;

/**
 * From uploads and events on Kafka (RegistrationSubmitted, DocumentsReplaced) to
 * DocumentsVerified on Kafka, with redeliveries and events out of order; run by a subclass
 * against the MongoDB-wire server and an in-JVM broker, or against real images.
 */
@AutoConfigureMockMvc
@Import(EventProbe.Config.class)
abstract class DocumentVerificationScenarios {

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventProbe events;
    @Autowired
    Uploads uploads;

    @Test
    void documentsOfASubmittedRegistrationAreVerifiedOnceAndOnlyOnce() throws Exception {
        byte[] charter = TestFiles.pdf(2, "charter");
        BufferedImage drawnSeal = SealImages.seal("新北市文件檢核產業工會", 2);
        byte[] seal = SealImages.jpeg(drawnSeal);
        String charterId = upload("CHARTER", "章程.pdf", charter);
        String sealId = upload("UNION_SEAL", "圖記.jpg", seal);
        String unknownId = UUID.randomUUID().toString();
        String applicationId = "A-" + UUID.randomUUID();
        RegistrationSubmitted submitted = events.submitted(applicationId,
                new SubmittedDocument("CHARTER", charterId),
                new SubmittedDocument("UNION_SEAL", sealId),
                new SubmittedDocument("REPRESENTATIVE_SEAL", unknownId));

        events.send(Topics.REGISTRATION_SUBMITTED, applicationId, submitted);

        DocumentsVerified result = events.awaitVerified(applicationId);
        assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_ATTENTION);
        assertThat(result.round()).isEqualTo(1);
        assertThat(result.correlationId()).isEqualTo("corr-" + applicationId);
        assertThat(result.documents()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("sealImprint")
                .containsExactly(
                        new VerifiedDocument("CHARTER", charterId, "application/pdf", charter.length, 2,
                                TestFiles.sha256(charter), List.of()),
                        new VerifiedDocument("UNION_SEAL", sealId, "image/jpeg", seal.length, null,
                                TestFiles.sha256(seal), List.of()),
                        new VerifiedDocument("REPRESENTATIVE_SEAL", unknownId, null, 0, null, null,
                                List.of("UPLOAD_MISSING")));
        // the union seal's ink map travels with the result, for the comparison with the registered seal
        assertThat(result.documents()).filteredOn(d -> !"UNION_SEAL".equals(d.kind()))
                .allSatisfy(d -> assertThat(d.sealImprint()).isNull());
        String imprint = result.documents().get(1).sealImprint();
        assertThat(SealSimilarity.compare(SealSimilarity.imprint(drawnSeal), imprint).percent())
                .isGreaterThanOrEqualTo(90);
        for (String claimed : List.of(charterId, sealId)) {
            Document upload = mongo.findById(claimed, Document.class, Uploads.COLLECTION);
            assertThat(upload.getString("status")).isEqualTo("CLAIMED");
            assertThat(upload.getString("applicationId")).isEqualTo(applicationId);
        }
        awaitPublished(applicationId, 1);
        assertThat(verification(applicationId, 1).getString("verdict")).isEqualTo("NEEDS_ATTENTION");

        events.send(Topics.REGISTRATION_SUBMITTED, applicationId, submitted);
        events.awaitConsumed(Topics.REGISTRATION_SUBMITTED);

        assertThat(events.allVerified(applicationId, Duration.ofSeconds(2))).hasSize(1);
    }

    @Test
    void anUploadBelongsToOneApplicationAndExpiresIfUnclaimed() throws Exception {
        String sealId = upload("UNION_SEAL", "seal.bmp", TestFiles.bmp(80, 80, Color.RED));
        String lateId = upload("CERTIFICATE_SCAN", "late.pdf", TestFiles.pdf(1, "late"));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(lateId)),
                new Update().set("expiresAt", Date.from(Instant.now().minusSeconds(60))), Uploads.COLLECTION);
        String first = "A-" + UUID.randomUUID();
        String second = "A-" + UUID.randomUUID();

        events.submit(first, new SubmittedDocument("CHARTER", upload("CHARTER", "c.pdf", TestFiles.pdf(1, first))),
                new SubmittedDocument("UNION_SEAL", sealId));
        assertThat(events.awaitVerified(first).verdict()).isEqualTo(Verdict.PASSED);
        events.submit(second, new SubmittedDocument("CHARTER", upload("CHARTER", "c.pdf", TestFiles.pdf(1, second))),
                new SubmittedDocument("UNION_SEAL", sealId), new SubmittedDocument("CERTIFICATE_SCAN", lateId));

        DocumentsVerified result = events.awaitVerified(second);
        assertThat(EventProbe.findingsByKind(result)).containsExactlyInAnyOrderEntriesOf(Map.of(
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
        // locked by its owner: refused at intake now, still reported for an upload accepted before that rule
        String charterId = EarlierUploads.stage(uploads, "CHARTER", "charter.pdf", TestFiles.encryptedPdf(""));
        String certificateId = upload("CERTIFICATE_SCAN", "certificate.pdf", scan);
        String sameScanId = upload("HARASSMENT_EVIDENCE", "evidence.pdf", scan);
        String sealId = upload("UNION_SEAL", "seal.jpg", TestFiles.jpeg(100, 100, Color.BLUE));
        String applicationId = "A-" + UUID.randomUUID();

        events.submit(applicationId, new SubmittedDocument("CHARTER", charterId),
                new SubmittedDocument("CERTIFICATE_SCAN", certificateId),
                new SubmittedDocument("HARASSMENT_EVIDENCE", sameScanId),
                // an image uploaded as the seal, filed as the representative's seal: kinds differ, type allowed
                new SubmittedDocument("REPRESENTATIVE_SEAL", sealId));

        DocumentsVerified result = events.awaitVerified(applicationId);
        assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_ATTENTION);
        assertThat(EventProbe.findingsByKind(result)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "CHARTER", List.of("PDF_ENCRYPTED"),
                "CERTIFICATE_SCAN", List.of("DUPLICATE_FILE"),
                "HARASSMENT_EVIDENCE", List.of("DUPLICATE_FILE"),
                "REPRESENTATIVE_SEAL", List.of("UPLOAD_KIND_MISMATCH")));
    }

    @Test
    void theCertificateIsReadAndComparedWithTheForm() throws Exception {
        // a certificate of 新北市印刷職業工會, number 84358795; the form (EventProbe) says 87654321, 新北市測試職業工會
        CertificateCorpus.Page page = CertificateCorpus.page("certificate-01.png");
        String certificate = upload("CERTIFICATE_SCAN", page.upload(), CertificateCorpus.scan(page));
        String applicationId = "A-" + UUID.randomUUID();
        events.submit(applicationId, new SubmittedDocument("CHARTER", upload("CHARTER", "c.pdf", TestFiles.pdf(1, "c"))),
                new SubmittedDocument("CERTIFICATE_SCAN", certificate));

        DocumentsVerified result = events.awaitVerified(applicationId);
        assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_ATTENTION);
        assertThat(EventProbe.findingsByKind(result)).containsEntry("CERTIFICATE_SCAN",
                List.of("CERTIFICATE_NUMBER_DIFFERS", "CERTIFICATE_NAME_DIFFERS"));
        CertificateReading reading = result.documents().stream().filter(d -> d.kind().equals("CERTIFICATE_SCAN"))
                .findFirst().orElseThrow().certificateReading();
        assertThat(reading.number().text()).isEqualTo(page.pageNumber());
        assertThat(reading.numberMatch()).isEqualTo(CertificateReading.Match.DIFFERENT);
        assertThat(reading.unionName().text()).isEqualTo(page.pageName());
        assertThat(reading.issuerMatch()).isEqualTo(CertificateReading.Match.EQUAL);
        assertThat(reading.number().box().y()).isBetween(0.2, 0.45);
        assertThat(result.documents()).filteredOn(d -> !d.kind().equals("CERTIFICATE_SCAN"))
                .allSatisfy(d -> assertThat(d.certificateReading()).isNull());
    }

    @Test
    void replacementsAreCheckedTogetherWithTheDocumentsTheyDoNotReplace() throws Exception {
        String badCharter = upload("CHARTER", "charter.pdf", TestFiles.pdfWithJavaScript());
        String seal = upload("UNION_SEAL", "seal.jpg", TestFiles.jpeg(120, 120, Color.RED));
        String certificate = upload("CERTIFICATE_SCAN", "certificate.pdf", TestFiles.pdf(1, "certificate"));
        String applicationId = "A-" + UUID.randomUUID();
        events.submit(applicationId, new SubmittedDocument("CHARTER", badCharter),
                new SubmittedDocument("UNION_SEAL", seal), new SubmittedDocument("CERTIFICATE_SCAN", certificate));
        assertThat(events.awaitVerified(applicationId).verdict()).isEqualTo(Verdict.NEEDS_ATTENTION);
        String goodCharter = upload("CHARTER", "charter-v2.pdf", TestFiles.pdf(4, "charter, second try"));
        DocumentsReplaced replaced = events.replaced(applicationId, 2, new SubmittedDocument("CHARTER", goodCharter));

        events.send(Topics.DOCUMENTS_REPLACED, applicationId, replaced);
        awaitPublished(applicationId, 2);
        events.send(Topics.DOCUMENTS_REPLACED, applicationId, replaced);
        events.awaitConsumed(Topics.DOCUMENTS_REPLACED);

        Map<Integer, DocumentsVerified> published = byRound(events.allVerified(applicationId, Duration.ofSeconds(2)));
        assertThat(published.keySet()).containsExactlyInAnyOrder(1, 2);
        DocumentsVerified second = published.get(2);
        assertThat(second.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(second.documents()).extracting(VerifiedDocument::kind, VerifiedDocument::uploadId,
                VerifiedDocument::pages).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("UNION_SEAL", seal, null),
                        org.assertj.core.groups.Tuple.tuple("CERTIFICATE_SCAN", certificate, 1),
                        org.assertj.core.groups.Tuple.tuple("CHARTER", goodCharter, 4));
        assertThat(mongo.findById(goodCharter, Document.class, Uploads.COLLECTION).getString("applicationId"))
                .isEqualTo(applicationId);
    }

    @Test
    void replacementsThatArriveBeforeTheRoundTheyBuildOnWaitForIt() throws Exception {
        String charter = upload("CHARTER", "charter.pdf", TestFiles.pdf(1, "first charter"));
        String seal = upload("UNION_SEAL", "seal.jpg", TestFiles.jpeg(120, 120, Color.RED));
        String sealV2 = upload("UNION_SEAL", "seal-v2.jpg", TestFiles.jpeg(120, 120, Color.GREEN));
        String charterV3 = upload("CHARTER", "charter-v3.pdf", TestFiles.pdf(2, "third charter"));
        String applicationId = "A-" + UUID.randomUUID();

        // round 3 first, then round 2, then the registration itself
        events.send(Topics.DOCUMENTS_REPLACED, applicationId,
                events.replaced(applicationId, 3, new SubmittedDocument("CHARTER", charterV3)));
        events.send(Topics.DOCUMENTS_REPLACED, applicationId,
                events.replaced(applicationId, 2, new SubmittedDocument("UNION_SEAL", sealV2)));
        events.awaitConsumed(Topics.DOCUMENTS_REPLACED);
        assertThat(mongo.count(Query.query(Criteria.where("event.applicationId").is(applicationId)),
                RegistrationVerification.PARKED)).isEqualTo(2);
        assertThat(mongo.count(Query.query(Criteria.where("applicationId").is(applicationId)),
                RegistrationVerification.COLLECTION)).isZero();

        events.submit(applicationId, new SubmittedDocument("CHARTER", charter), new SubmittedDocument("UNION_SEAL", seal));
        awaitPublished(applicationId, 3);

        Map<Integer, DocumentsVerified> published = byRound(events.allVerified(applicationId, Duration.ofSeconds(2)));
        assertThat(published.keySet()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(uploadIdsByKind(published.get(1))).isEqualTo(Map.of("CHARTER", charter, "UNION_SEAL", seal));
        assertThat(uploadIdsByKind(published.get(2))).isEqualTo(Map.of("CHARTER", charter, "UNION_SEAL", sealV2));
        assertThat(uploadIdsByKind(published.get(3))).isEqualTo(Map.of("CHARTER", charterV3, "UNION_SEAL", sealV2));
        assertThat(mongo.count(Query.query(Criteria.where("event.applicationId").is(applicationId)),
                RegistrationVerification.PARKED)).isZero();
    }

    @Test
    void aReplacementClaimingToBeRoundOneIsDeadLettered() {
        String applicationId = "A-" + UUID.randomUUID();

        events.send(Topics.DOCUMENTS_REPLACED, applicationId,
                events.replaced(applicationId, 1, new SubmittedDocument("CHARTER", UUID.randomUUID().toString())));

        events.awaitDeadLettered(Topics.DOCUMENTS_REPLACED, applicationId);
        assertThat(mongo.count(Query.query(Criteria.where("event.applicationId").is(applicationId)),
                RegistrationVerification.PARKED)).isZero();
    }

    private String upload(String kind, String name, byte[] content) throws Exception {
        return Multipart.uploadId(mvc, kind, name, content);
    }

    /** The round's verification is recorded and its event acknowledged by Kafka. */
    private void awaitPublished(String applicationId, int round) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Document verification = verification(applicationId, round);
            return verification != null && verification.getList(PendingEvent.FIELD, Document.class).isEmpty();
        });
    }

    private Document verification(String applicationId, int round) {
        return mongo.findById(applicationId + "#" + round, Document.class, RegistrationVerification.COLLECTION);
    }

    /** One event per round: a second one for the same round would fail the collection here. */
    private static Map<Integer, DocumentsVerified> byRound(List<DocumentsVerified> published) {
        return published.stream().collect(java.util.stream.Collectors.toMap(DocumentsVerified::round, v -> v));
    }

    private static Map<String, String> uploadIdsByKind(DocumentsVerified result) {
        return result.documents().stream().collect(java.util.stream.Collectors.toMap(VerifiedDocument::kind,
                VerifiedDocument::uploadId));
    }
}
