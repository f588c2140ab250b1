package tw.laborcloud.registration;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.bson.Document;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import tw.laborcloud.events.Topics;
import tw.laborcloud.platform.test.KafkaTestClient;
import tw.laborcloud.registration.registration.RegistrationForms;
import tw.laborcloud.registration.registration.Registrations;

/**
 * The steps of the supplement scenarios: a registration returned for supplements, the applicant's answer
 * on the status page, the document service's verdict for a round, and what the store and the status say.
 */
abstract class SupplementScenarioSupport extends RegistrationScenarioSupport {

    static final String REQUESTED = """
            [{"kind":"UNION_SEAL","reason":"圖記印文模糊，請重新掃描"},
             {"kind":"REPRESENTATIVE_SEAL","reason":"負責人章與立案證書所載不符"}]""";

    record Case(String applicationId, String certificateNo) {
    }

    Case registered() throws Exception {
        String cert = Applicants.newCertificateNo();
        return new Case(Applicants.register(mvc, cert), cert);
    }

    /** A registration the bureau returned for its union seal and its representative's seal. */
    Case returned() throws Exception {
        Case c = registered();
        requestSupplements(c, REQUESTED);
        await().atMost(Duration.ofSeconds(10)).until(() -> stored(c).getList("pendingEvents", Document.class).isEmpty());
        return c;
    }

    void requestSupplements(Case c, String requestedDocuments) {
        KafkaTestClient.send(brokers, Topics.SUPPLEMENT_REQUESTED, c.applicationId(), """
                {"eventId":"ev-supplement-%s","occurredAt":"%s","applicationId":"%s","correlationId":"c-supplement",
                 "schemaVersion":1,"certificateNo":"%s","documents":%s,"note":"請於 14 日內補正","decidedBy":"approver1"}
                """.formatted(UUID.randomUUID(), Instant.now(), c.applicationId(), c.certificateNo(), requestedDocuments));
        awaitStatus(c, "RETURNED_FOR_SUPPLEMENTS");
    }

    ResultActions supplements(Case c, String password, String documents) throws Exception {
        return mvc.perform(post("/api/registrations/" + c.applicationId() + "/supplements")
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"certificateNo":"%s","password":"%s","documents":%s}"""
                        .formatted(c.certificateNo(), password, documents)));
    }

    /** One fresh upload for each kind the default request asks for. */
    static String replacements(Case c) {
        return documents("UNION_SEAL", "REPRESENTATIVE_SEAL");
    }

    /** Fresh uploads of these kinds with their tickets, as the status page sends them (a JSON array). */
    static String documents(String... kinds) {
        return "[" + String.join(",", java.util.Arrays.stream(kinds).map(RegistrationForms::documentJson).toList())
                + "]";
    }

    static String uploadId() {
        return UUID.randomUUID().toString();
    }

    /** The document service's result for a round (null: an event of schema 1, before rounds existed). */
    static String verified(Case c, Integer round) {
        return verified(c, round, "PASSED", Instant.now());
    }

    static String verified(Case c, Integer round, String verdict, Instant at) {
        return """
                {"eventId":"ev-verified-%s","occurredAt":"%s","applicationId":"%s","correlationId":"c-verified",
                 "schemaVersion":%d,"verdict":"%s","documents":[]%s}
                """.formatted(UUID.randomUUID(), at, c.applicationId(), round == null ? 1 : 2, verdict,
                round == null ? "" : ",\"round\":" + round);
    }

    Document stored(Case c) {
        return mongo.findById(c.applicationId(), Document.class, Registrations.COLLECTION);
    }

    void awaitStatus(Case c, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertStatus(c, status));
    }

    void assertStatus(Case c, String status) throws Exception {
        mvc.perform(get("/api/registrations/" + c.applicationId()).param("certificateNo", c.certificateNo()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value(status));
    }
}
