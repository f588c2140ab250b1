package tw.laborcloud.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.jayway.jsonpath.JsonPath;

import tw.laborcloud.events.Topics;
import tw.laborcloud.platform.test.KafkaTestClient;
import tw.laborcloud.platform.uploads.TestUploadTickets;
import tw.laborcloud.registration.registration.RegistrationForms;
import tw.laborcloud.registration.registration.Registrations;

/**
 * The applicant answers a supplement request (退回補件) on the status page: proves who they
 * are with the registration's password, replaces exactly the documents asked for, once;
 * the replacements go out as round 2 (3, ...) and only that round's verification counts.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class SupplementScenarios extends SupplementScenarioSupport {

    static final String WRONG_PASSWORD = "Wrong-Guess7";

    @Test
    void theStatusShowsWhatToReplaceAndWhyButNeverThePasswordHash() throws Exception {
        Case c = returned();
        String json = mvc.perform(get("/api/registrations/" + c.applicationId()).param("certificateNo", c.certificateNo()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETURNED_FOR_SUPPLEMENTS"))
                .andExpect(jsonPath("$.statusLabel").value("退回補件"))
                .andExpect(jsonPath("$.documentsRound").value(1))
                .andExpect(jsonPath("$.supplementNote").value("請於 14 日內補正"))
                .andExpect(jsonPath("$.supplementDocuments[0].kind").value("UNION_SEAL"))
                .andExpect(jsonPath("$.supplementDocuments[0].label").value("附件二 圖記"))
                .andExpect(jsonPath("$.supplementDocuments[0].reason").value("圖記印文模糊，請重新掃描"))
                .andExpect(jsonPath("$.supplementDocuments[1].label").value("附件三 負責人章"))
                .andReturn().getResponse().getContentAsString();
        assertThat(json).doesNotContain("passwordHash").doesNotContain("salt").doesNotContain("pbkdf2");
    }

    @Test
    void aWrongPasswordIsRefusedOnItsFieldAndChangesNothing(CapturedOutput output) throws Exception {
        Case c = returned();
        Document before = stored(c);
        int outputBefore = output.getAll().length();

        supplements(c, WRONG_PASSWORD, replacements(c))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].code").value("WRONG_PASSWORD"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("再錯 4 次")));
        supplements(c, "", replacements(c))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));

        Document after = stored(c);
        assertThat(after.getList("wrongPasswords", Document.class)).as("only the wrong one counts").hasSize(1);
        after.remove("wrongPasswords");
        assertThat(after).isEqualTo(before);
        assertStatus(c, "RETURNED_FOR_SUPPLEMENTS");
        assertThat(KafkaTestClient.readAll(brokers, Topics.DOCUMENTS_REPLACED, c.applicationId(), Duration.ofSeconds(2)))
                .isEmpty();
        assertThat(output.getAll().substring(outputBefore)).as("this test's log lines").doesNotContain(WRONG_PASSWORD);
    }

    @Test
    void missingUnrequestedAndMalformedDocumentsAreReportedOnTheirFields() throws Exception {
        Case c = returned();
        Document before = stored(c);

        supplements(c, RegistrationForms.PASSWORD, documents("CHARTER", "UNION_SEAL"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[?(@.field=='documents.CHARTER')].code").value("NOT_REQUESTED"))
                .andExpect(jsonPath("$.errors[?(@.field=='documents.REPRESENTATIVE_SEAL')].code").value("REQUIRED"))
                .andExpect(jsonPath("$.errors[?(@.field=='documents.REPRESENTATIVE_SEAL')].message")
                        .value("請上傳補正的「附件三 負責人章」"))
                .andExpect(jsonPath("$.errors[?(@.field=='documents.UNION_SEAL')]").isEmpty());
        supplements(c, RegistrationForms.PASSWORD, """
                [{"kind":"UNION_SEAL","uploadId":"%s"},{"kind":"UNION_SEAL","uploadId":"%s"},
                 {"kind":"REPRESENTATIVE_SEAL","uploadId":"../../etc/passwd"},{"kind":"SELFIE","uploadId":"%s"}]"""
                .formatted(uploadId(), uploadId(), uploadId()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.field=='documents.UNION_SEAL')].code").value("DOCUMENT_DUPLICATED"))
                .andExpect(jsonPath("$.errors[?(@.field=='documents.REPRESENTATIVE_SEAL')].code")
                        .value("UPLOAD_ID_INVALID"))
                .andExpect(jsonPath("$.errors[?(@.field=='documents')].code").value("DOCUMENT_KIND_UNKNOWN"));

        assertThat(stored(c)).isEqualTo(before);
    }

    @Test
    void replacementsWhoseUploadCannotBeUsedAreRefusedOnTheirFieldsAtOnce() throws Exception {
        Case c = returned();
        Case other = registered();
        Document before = stored(c);
        String othersSeal = uploadOf(stored(other).getList("documents", Document.class), "UNION_SEAL");
        String late = uploadId();

        supplements(c, RegistrationForms.PASSWORD, "[" + RegistrationForms.documentJson("UNION_SEAL", othersSeal) + ","
                + RegistrationForms.documentJson("REPRESENTATIVE_SEAL", late,
                        TestUploadTickets.ticket(late, "REPRESENTATIVE_SEAL", null, Instant.now().minusSeconds(60)))
                + "]")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[?(@.field=='documents.UNION_SEAL')].code").value("UPLOAD_ALREADY_USED"))
                .andExpect(jsonPath("$.errors[?(@.field=='documents.UNION_SEAL')].message")
                        .value("此檔案已用於先前送出的其他申請，請為「附件二 圖記」重新上傳檔案。"))
                .andExpect(jsonPath("$.errors[?(@.field=='documents.REPRESENTATIVE_SEAL')].code")
                        .value("UPLOAD_EXPIRED"))
                .andExpect(jsonPath("$.errors[?(@.field=='documents.REPRESENTATIVE_SEAL')].message")
                        .value("「附件三 負責人章」的檔案上傳後已超過保留期限，請重新上傳檔案。"));

        assertThat(stored(c)).isEqualTo(before);
        assertThat(KafkaTestClient.readAll(brokers, Topics.DOCUMENTS_REPLACED, c.applicationId(), Duration.ofSeconds(2)))
                .isEmpty();
    }

    @Test
    void theRequestedReplacementsAreTakenOnceAndAnnouncedAsRoundTwoWithOnlyThoseDocuments(CapturedOutput output)
            throws Exception {
        Case c = returned();
        int outputBefore = output.getAll().length();
        List<Document> registered = stored(c).getList("documents", Document.class);
        String unionSeal = uploadId();
        String representativeSeal = uploadId();
        String documents = "[" + RegistrationForms.documentJson("UNION_SEAL", unionSeal) + ","
                + RegistrationForms.documentJson("REPRESENTATIVE_SEAL", representativeSeal) + "]";

        supplements(c, RegistrationForms.PASSWORD, documents)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUPPLEMENTS_RECEIVED"))
                .andExpect(jsonPath("$.statusLabel").value("已收到補正文件，文件檢核中"))
                .andExpect(jsonPath("$.documentsRound").value(2))
                .andExpect(jsonPath("$.supplementDocuments").isEmpty())
                .andExpect(jsonPath("$.supplementsReceivedAt").isNotEmpty());

        ConsumerRecord<String, String> replaced = KafkaTestClient.awaitOne(brokers, Topics.DOCUMENTS_REPLACED,
                c.applicationId(), Duration.ofSeconds(30));
        String event = replaced.value();
        assertThat((Integer) JsonPath.read(event, "$.round")).isEqualTo(2);
        assertThat((List<String>) JsonPath.read(event, "$.documents[*].kind"))
                .containsExactlyInAnyOrder("UNION_SEAL", "REPRESENTATIVE_SEAL");
        assertThat((List<String>) JsonPath.read(event, "$.documents[*].uploadId"))
                .containsExactlyInAnyOrder(unionSeal, representativeSeal);
        assertThat(event).doesNotContain(RegistrationForms.PASSWORD).doesNotContain("password")
                .doesNotContain("salt");

        Document stored = stored(c);
        assertThat(stored.getInteger("documentsRound")).isEqualTo(2);
        assertThat(stored.get("supplementRequestedAt")).isNull();
        List<Document> kept = stored.getList("documents", Document.class);
        assertThat(kept).extracting(d -> d.getString("kind")).containsExactlyInAnyOrder("CHARTER", "CERTIFICATE_SCAN",
                "UNION_SEAL", "REPRESENTATIVE_SEAL", "HARASSMENT_EVIDENCE");
        assertThat(uploadOf(kept, "UNION_SEAL")).isEqualTo(unionSeal);
        assertThat(uploadOf(kept, "CHARTER")).as("not asked for, kept").isEqualTo(uploadOf(registered, "CHARTER"));
        assertThat(kept).as("the tickets did their work at the door").allSatisfy(d -> assertThat(d).doesNotContainKey("ticket"));
        assertThat(stored.getList("usedUploadIds", String.class)).hasSize(7).contains(unionSeal, representativeSeal);
        // what the replacements' tickets vouched for joins what the registration's own tickets did (the copy prints it)
        assertThat(stored.getList("uploadedFiles", Document.class)).hasSize(7)
                .filteredOn(f -> f.getString("uploadId").equals(unionSeal)).singleElement()
                .satisfies(f -> assertThat(f.getString("fileName")).isEqualTo(unionSeal + ".pdf"))
                .satisfies(f -> assertThat(f.get("size")).isEqualTo(1234L))
                .satisfies(f -> assertThat(f.getString("sha256")).hasSize(64));
        Document history = stored.getList("supplementHistory", Document.class).getFirst();
        assertThat(history.getInteger("round")).isEqualTo(2);
        assertThat(history.getString("note")).isEqualTo("請於 14 日內補正");
        assertThat(history.getList("requestedDocuments", Document.class)).hasSize(2);
        assertThat(uploadOf(history.getList("replacedDocuments", Document.class), "UNION_SEAL"))
                .isEqualTo(uploadOf(registered, "UNION_SEAL"));

        supplements(c, RegistrationForms.PASSWORD, documents)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("NOT_AWAITING_SUPPLEMENTS"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("已收到補正文件，文件檢核中")));
        assertThat(KafkaTestClient.readAll(brokers, Topics.DOCUMENTS_REPLACED, c.applicationId(), Duration.ofSeconds(3)))
                .hasSize(1);
        assertThat(output.getAll().substring(outputBefore)).as("this test's log lines")
                .doesNotContain(RegistrationForms.PASSWORD);
    }

    @Test
    void ofSimultaneousSubmissionsExactlyOneIsTaken() throws Exception {
        Case c = returned();
        List<Integer> statuses = Applicants.simultaneously(6, () -> supplements(c, RegistrationForms.PASSWORD,
                replacements(c)).andReturn().getResponse().getStatus());

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        // the others lost the race (409) or, beyond the attempt limit, were not even checked (429)
        assertThat(statuses).filteredOn(s -> s != 200).hasSize(5).containsOnly(409, 429);
        assertThat(stored(c).getList("supplementHistory", Document.class)).hasSize(1);
        assertThat(KafkaTestClient.readAll(brokers, Topics.DOCUMENTS_REPLACED, c.applicationId(), Duration.ofSeconds(3)))
                .hasSize(1);
    }

    @Test
    void aBurstOfParallelGuessesGetsNoMoreThanFiveChecked() throws Exception {
        Case c = returned();
        List<Integer> statuses = Applicants.simultaneously(10, () -> supplements(c, WRONG_PASSWORD,
                replacements(c)).andReturn().getResponse().getStatus());
        assertThat(statuses).containsOnly(422, 429);
        assertThat(statuses).filteredOn(s -> s == 422).hasSizeLessThanOrEqualTo(5);
        supplements(c, RegistrationForms.PASSWORD, replacements(c)).andExpect(status().isTooManyRequests());
    }

    @Test
    void afterFiveWrongPasswordsWithinFifteenMinutesEveryAttemptIsRefusedForFifteenMinutes() throws Exception {
        Case c = returned();
        for (int i = 1; i <= 5; i++) {
            supplements(c, WRONG_PASSWORD + i, replacements(c))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].code").value("WRONG_PASSWORD"));
        }
        supplements(c, WRONG_PASSWORD, replacements(c))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("TOO_MANY_ATTEMPTS"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("密碼錯誤次數過多")));
        // even the right password, while attempts are refused
        supplements(c, RegistrationForms.PASSWORD, replacements(c))
                .andExpect(status().isTooManyRequests());
        assertStatus(c, "RETURNED_FOR_SUPPLEMENTS");

        // the count lives on the registration (any instance sees it): once its times are old, attempts are allowed
        Date longAgo = Date.from(Instant.now().minus(Duration.ofMinutes(16)));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(c.applicationId())),
                new Update().set("wrongPasswords", java.util.stream.IntStream.range(0, 5)
                        .mapToObj(i -> new Document("at", longAgo).append("id", "old-" + i)).toList()),
                Registrations.COLLECTION);
        supplements(c, RegistrationForms.PASSWORD, replacements(c)).andExpect(status().isOk());
        assertThat(stored(c).get("wrongPasswords")).as("a right password starts the count again").isNull();
    }

    @Test
    void eachRoundCountsOnlyItsOwnVerificationAndALateResultOfAReplacedRoundIsIgnored() throws Exception {
        Case c = returned();
        supplements(c, RegistrationForms.PASSWORD, replacements(c)).andExpect(status().isOk());
        Case marker = registered();

        // all on one partition, read in order: once the marker's result is in, the ones before it were handled
        KafkaTestClient.send(brokers, Topics.DOCUMENTS_VERIFIED, 0, c.applicationId(), verified(c, 1));
        KafkaTestClient.send(brokers, Topics.DOCUMENTS_VERIFIED, 0, marker.applicationId(), verified(marker, null));
        awaitStatus(marker, "UNDER_REVIEW");
        assertStatus(c, "SUPPLEMENTS_RECEIVED");
        assertThat(stored(c).get("documentsVerifiedAt")).isNull();

        KafkaTestClient.send(brokers, Topics.DOCUMENTS_VERIFIED, c.applicationId(), verified(c, 2));
        awaitStatus(c, "UNDER_REVIEW");

        // a second request for supplements: round 3, the same way
        requestSupplements(c, """
                [{"kind":"CHARTER","reason":"章程缺第 5 頁"}]""");
        mvc.perform(get("/api/registrations/" + c.applicationId()).param("certificateNo", c.certificateNo()))
                .andExpect(jsonPath("$.documentsRound").value(2))
                .andExpect(jsonPath("$.supplementDocuments[0].label").value("章程"));
        supplements(c, RegistrationForms.PASSWORD, documents("CHARTER"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUPPLEMENTS_RECEIVED"))
                .andExpect(jsonPath("$.documentsRound").value(3));
        await().atMost(Duration.ofSeconds(10)).until(() -> stored(c).getList("pendingEvents", Document.class).isEmpty());
        List<ConsumerRecord<String, String>> replaced = KafkaTestClient.readAll(brokers, Topics.DOCUMENTS_REPLACED,
                c.applicationId(), Duration.ofSeconds(3));
        assertThat(replaced).extracting(r -> (Integer) JsonPath.read(r.value(), "$.round")).containsExactly(2, 3);
        assertThat((List<String>) JsonPath.read(replaced.getLast().value(), "$.documents[*].kind"))
                .containsExactly("CHARTER");
        assertThat(stored(c).getList("supplementHistory", Document.class)).extracting(h -> h.getInteger("round"))
                .containsExactly(2, 3);

        // round 3's result, then round 2's arriving again late: the late one must not overwrite it
        Instant markerAgain = Instant.parse("2030-01-01T00:00:00Z");
        KafkaTestClient.send(brokers, Topics.DOCUMENTS_VERIFIED, 0, c.applicationId(),
                verified(c, 3, "NEEDS_ATTENTION", Instant.now()));
        KafkaTestClient.send(brokers, Topics.DOCUMENTS_VERIFIED, 0, c.applicationId(), verified(c, 2));
        KafkaTestClient.send(brokers, Topics.DOCUMENTS_VERIFIED, 0, marker.applicationId(),
                verified(marker, 1, "PASSED", markerAgain));
        await().atMost(Duration.ofSeconds(30)).until(() -> markerAgain.equals(
                stored(marker).getDate("documentsVerifiedAt").toInstant()));
        assertStatus(c, "UNDER_REVIEW");
        assertThat(stored(c).getString("documentsVerdict")).isEqualTo("NEEDS_ATTENTION");
    }

    @Test
    void anotherCertificateNumberIsNotFoundAndAnApplicationNotReturnedTakesNoSupplements() throws Exception {
        Case c = returned();
        supplements(new Case(c.applicationId(), "99999999"), RegistrationForms.PASSWORD, replacements(c))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("APPLICATION_NOT_FOUND"));
        supplements(new Case("R20260101-NOSUCH", c.certificateNo()), RegistrationForms.PASSWORD, replacements(c))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("APPLICATION_NOT_FOUND"));

        Case received = registered();
        supplements(received, RegistrationForms.PASSWORD, replacements(received))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("NOT_AWAITING_SUPPLEMENTS"))
                .andExpect(jsonPath("$.detail").value("此申請案目前的狀態為「已收件」，不需要補正文件"));
    }

    private static String uploadOf(List<Document> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.getString("kind"))).findFirst().orElseThrow()
                .getString("uploadId");
    }
}
