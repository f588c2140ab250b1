package tw.laborcloud.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriUtils;

import tw.laborcloud.events.Topics;
import tw.laborcloud.platform.test.KafkaTestClient;
import tw.laborcloud.platform.uploads.TestUploadTickets;
import tw.laborcloud.platform.uploads.UploadTickets;
import tw.laborcloud.registration.registration.RegistrationForms;
import tw.laborcloud.registration.registration.Registrations;

/**
 * What becomes of a registration once it is received: stored hashed and announced (with the request's
 * correlation id), its contact address confirmed by the mailed link, its submission copy, and the union's
 * account opened on approval and its login closed on an accepted dissolution.
 */
abstract class RegistrationScenarios extends RegistrationScenarioSupport {

    @Autowired
    RecordingUnionAccounts accounts;

    @BeforeEach
    void reset() {
        accounts.calls.clear();
        accounts.closed.clear();
        accounts.unavailable = false;
    }

    @Test
    void aSubmittedRegistrationIsStoredHashedAndAnnouncedWithoutThePassword() throws Exception {
        String cert = newCertificateNo();
        String applicationId = submit(cert);

        ConsumerRecord<String, String> record = KafkaTestClient.awaitOne(brokers,
                Topics.REGISTRATION_SUBMITTED, applicationId, Duration.ofSeconds(30));
        assertThat(record.value()).contains("\"certificateNo\":\"" + cert + "\"").contains("CHARTER")
                .doesNotContain("Secret-Pass1").doesNotContain("passwordHash").doesNotContain("salt");

        Document stored = mongo.findById(applicationId, Document.class, Registrations.COLLECTION);
        assertThat(stored.toJson()).doesNotContain("Secret-Pass1");
        assertThat(stored.get("passwordHash", Document.class).getString("algorithm")).isEqualTo("pbkdf2-sha512");
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById(applicationId, Document.class,
                Registrations.COLLECTION).getList("pendingEvents", Document.class).isEmpty());

        mvc.perform(get("/api/registrations/" + applicationId).param("certificateNo", cert))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.statusLabel").value("已收件"));
        mvc.perform(get("/api/registrations/" + applicationId).param("certificateNo", "99999999"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("APPLICATION_NOT_FOUND"));
    }

    @Test
    void theRequestsCorrelationIdTravelsIntoTheEventAndItsKafkaHeaders() throws Exception {
        String cert = newCertificateNo();
        String location = mvc.perform(post("/api/registrations").contentType(MediaType.APPLICATION_JSON)
                        .header("X-Correlation-Id", "corr-" + cert + "-trace")
                        .content(body(cert, "clerk@union.example")))
                .andExpect(status().isCreated())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("X-Correlation-Id", "corr-" + cert + "-trace"))
                .andReturn().getResponse().getHeader("Location");
        String applicationId = location.substring(location.lastIndexOf('/') + 1);
        ConsumerRecord<String, String> record = KafkaTestClient.awaitOne(brokers, Topics.REGISTRATION_SUBMITTED,
                applicationId, Duration.ofSeconds(30));
        assertThat(record.value()).contains("\"correlationId\":\"corr-" + cert + "-trace\"");
        assertThat(new String(record.headers().lastHeader("correlationId").value(),
                java.nio.charset.StandardCharsets.UTF_8)).contains("corr-" + cert + "-trace");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("laborcloud_outbox_published_total"))));
    }

    @Test
    void theConfirmationLinkConfirmsTheAddressOnceAndAnnouncesIt() throws Exception {
        String cert = newCertificateNo();
        String applicationId = submit(cert);
        String submitted = KafkaTestClient.awaitOne(brokers, Topics.REGISTRATION_SUBMITTED, applicationId,
                Duration.ofSeconds(30)).value();
        // the secret travels only on the topic the notification service alone may read
        assertThat(submitted).doesNotContain("emailConfirmationToken");
        String requested = KafkaTestClient.awaitOne(brokers, Topics.EMAIL_CONFIRMATION_REQUESTED, applicationId,
                Duration.ofSeconds(30)).value();
        assertThat((String) com.jayway.jsonpath.JsonPath.read(requested, "$.contactEmail"))
                .isEqualTo("clerk@union.example");
        String token = com.jayway.jsonpath.JsonPath.read(requested, "$.emailConfirmationToken");
        assertThat(submitted).doesNotContain(token);
        assertThat((String) com.jayway.jsonpath.JsonPath.read(submitted, "$.details.address.postalCode")).isEqualTo("220");
        assertThat((Integer) com.jayway.jsonpath.JsonPath.read(submitted, "$.details.members.total")).isEqualTo(200);
        assertThat(mongo.findById(applicationId, Document.class, Registrations.COLLECTION).toJson()).doesNotContain(token);

        mvc.perform(post("/api/registrations/" + applicationId + "/email-confirmation")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"token\":\"forged-token\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("CONFIRMATION_LINK_INVALID"));
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/registrations/" + applicationId + "/email-confirmation")
                            .contentType(MediaType.APPLICATION_JSON).content("{\"token\":\"" + token + "\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.contactEmailConfirmed").value(true));
        }
        assertThat(KafkaTestClient.awaitOne(brokers, Topics.CONTACT_EMAIL_CONFIRMED, applicationId,
                Duration.ofSeconds(30)).value()).contains("clerk@union.example");
        assertThat(KafkaTestClient.readAll(brokers, Topics.CONTACT_EMAIL_CONFIRMED, applicationId,
                Duration.ofSeconds(3))).hasSize(1);
    }

    /**
     * The submission copy is made at submission and travels with EmailConfirmationRequested for the receipt mail;
     * it prints each document's name, size and SHA-256 as the upload's ticket vouched for them (never what the
     * form says), and the download shows the same. It is guarded as the status is (both numbers, the same refusal
     * otherwise). An upload staged before tickets carried its facts (version 1) is 文件檢核中 until
     * document-service has verified it.
     */
    @Test
    void theSubmissionCopyIsThePdfOfTheFormForTheRightNumbersOnly() throws Exception {
        String cert = newCertificateNo();
        String charter = java.util.UUID.randomUUID().toString();
        String seal = java.util.UUID.randomUUID().toString();
        String charterSha = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
        String charterTicket = TestUploadTickets.ticket(charter, "CHARTER",
                new UploadTickets.UploadedFile(1_234_567, charterSha, "工會章程 \"最終版\".pdf"));
        String documents = "[" + RegistrationForms.documentJson("CHARTER", charter, charterTicket).replace("}",
                ",\"fileName\":\"not-what-the-ticket-says.pdf\"}") + ","
                + RegistrationForms.documentJson("UNION_SEAL", seal, TestUploadTickets.ticketOfVersion1(seal,
                        "UNION_SEAL")) + "," + String.join(",", java.util.stream.Stream.of(
                        "CERTIFICATE_SCAN", "REPRESENTATIVE_SEAL", "HARASSMENT_EVIDENCE")
                .map(RegistrationForms::documentJson)
                .toList()) + "]";
        String receipt = mvc.perform(post("/api/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(RegistrationForms.json(cert, "clerk@union.example", captchaId(), "TEST", documents)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String applicationId = com.jayway.jsonpath.JsonPath.read(receipt, "$.applicationId");

        // the copy in the receipt mail's event, as made at submission
        String requested = KafkaTestClient.awaitOne(brokers, Topics.EMAIL_CONFIRMATION_REQUESTED, applicationId,
                Duration.ofSeconds(30)).value();
        assertThat((Integer) com.jayway.jsonpath.JsonPath.read(requested, "$.schemaVersion")).isEqualTo(2);
        byte[] mailed = java.util.Base64.getDecoder().decode(
                (String) com.jayway.jsonpath.JsonPath.read(requested, "$.submissionCopy"));
        String mailedText = copyText(mailed);
        assertThat(mailedText).contains(applicationId, cert, "新北市測試產業工會", "工會章程 \"最終版\".pdf", charterSha,
                "1,234,567 位元組", "文件檢核中")
                .doesNotContain("not-what-the-ticket-says", RegistrationForms.PASSWORD);
        // every other document as its (test) ticket said: 1,234 bytes, named for its upload
        assertThat(mailedText.split("1,234 位元組", -1)).hasSize(4);

        byte[] pdf = mvc.perform(get("/api/registrations/" + applicationId + "/copy.pdf").param("certificateNo", cert))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", "attachment; filename*=UTF-8''"
                        + UriUtils.encode("送件副本-" + applicationId + ".pdf", StandardCharsets.UTF_8)))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(copyText(pdf)).contains(applicationId, cert, "工會章程 \"最終版\".pdf", charterSha,
                "1,234,567 位元組", "文件檢核中").doesNotContain(RegistrationForms.PASSWORD);

        // the same refusal as the status look-up, for another certificate number and for an unknown application
        for (String[] wrong : new String[][] {{applicationId, "99999999"}, {"R20260101-NOSUCH", cert}}) {
            String copy = mvc.perform(get("/api/registrations/" + wrong[0] + "/copy.pdf")
                            .param("certificateNo", wrong[1]).accept(MediaType.APPLICATION_PDF, MediaType.ALL))
                    .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
            String status = mvc.perform(get("/api/registrations/" + wrong[0]).param("certificateNo", wrong[1]))
                    .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
            assertThat((String) com.jayway.jsonpath.JsonPath.read(copy, "$.code")).isEqualTo("APPLICATION_NOT_FOUND");
            assertThat((String) com.jayway.jsonpath.JsonPath.read(copy, "$.detail"))
                    .isEqualTo(com.jayway.jsonpath.JsonPath.read(status, "$.detail"));
        }
        mvc.perform(get("/api/registrations/" + applicationId + "/copy.pdf")).andExpect(status().isBadRequest());

        // document-service verified the files: the seal of the older ticket gets its size and hash too
        String sealSha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        KafkaTestClient.send(brokers, Topics.DOCUMENTS_VERIFIED, applicationId, """
                {"eventId":"ev-verified-%s","occurredAt":"%s","applicationId":"%s","correlationId":"c-verified",
                 "schemaVersion":4,"verdict":"PASSED","round":1,"documents":[{"kind":"CHARTER","uploadId":"%s",
                 "contentType":"application/pdf","size":1234567,"pages":3,"sha256":"%s","findings":[]},
                 {"kind":"UNION_SEAL","uploadId":"%s","contentType":"image/png","size":7654,"pages":1,
                 "sha256":"%s","findings":[]}]}
                """.formatted(applicationId, Instant.now(), applicationId, charter, charterSha, seal, sealSha));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(copyText(mvc.perform(
                        get("/api/registrations/" + applicationId + "/copy.pdf").param("certificateNo", cert))
                .andReturn().getResponse().getContentAsByteArray())).contains(sealSha, "7,654 位元組", charterSha,
                        "工會章程 \"最終版\".pdf").doesNotContain("文件檢核中"));
    }

    private static String copyText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void approvalOpensTheAccountOnceEvenWhenRedeliveredAndAfterAnOutage() throws Exception {
        String cert = newCertificateNo();
        String applicationId = submit(cert);
        accounts.unavailable = true;
        String approved = """
                {"eventId":"%s","occurredAt":"2026-11-27T08:00:00Z","applicationId":"%s","correlationId":"c-approve-1",
                 "schemaVersion":1,"certificateNo":"%s","decidedBy":"approver1"}
                """.formatted("ev-approve-" + cert, applicationId, cert);
        KafkaTestClient.send(brokers, Topics.APPLICATION_APPROVED, applicationId, approved);
        await().atMost(Duration.ofSeconds(20)).until(() -> !accounts.calls.isEmpty());
        accounts.unavailable = false; // Keycloak is back: the next attempt succeeds

        ConsumerRecord<String, String> activated = KafkaTestClient.awaitOne(brokers,
                Topics.ACCOUNT_ACTIVATED, applicationId, Duration.ofSeconds(30));
        assertThat(activated.value()).contains("\"username\":\"" + cert + "\"").contains("\"unionId\":\"" + cert + "\"");
        assertThat(accounts.calls.getLast().passwordHash().matches("Secret-Pass1")).isTrue();

        KafkaTestClient.send(brokers, Topics.APPLICATION_APPROVED, applicationId, approved);
        assertThat(KafkaTestClient.readAll(brokers, Topics.ACCOUNT_ACTIVATED, applicationId,
                Duration.ofSeconds(5))).hasSize(1);
        assertThat(accounts.calls).as("one successful provisioning after the failed one").hasSize(2);
        Document stored = mongo.findById(applicationId, Document.class, Registrations.COLLECTION);
        assertThat(stored.get("passwordHash")).as("the hash leaves our store once Keycloak holds it").isNull();
        mvc.perform(get("/api/registrations/" + applicationId).param("certificateNo", cert))
                .andExpect(jsonPath("$.status").value("ACCOUNT_ACTIVATED"));
    }

    @Test
    void anAcceptedDissolutionClosesTheUnionsLoginOnceAndNothingElseDoes() {
        String cert = newCertificateNo();
        String filingId = "F-" + cert;
        String decided = """
                {"eventId":"%s","occurredAt":"2027-01-05T08:00:00Z","applicationId":"%s","correlationId":"c-%s",
                 "schemaVersion":1,"unionId":"%s","certificateNo":"%s","filingType":"%s","filingTypeLabel":"x",
                 "round":1,"outcome":"%s","reason":null,"decidedBy":"approver1"}""";
        KafkaTestClient.send(brokers, Topics.FILING_DECIDED, filingId,
                decided.formatted("ev-r-" + cert, filingId, cert, cert, cert, "DISSOLUTION", "RETURNED"));
        KafkaTestClient.send(brokers, Topics.FILING_DECIDED, filingId,
                decided.formatted("ev-a-" + cert, filingId, cert, cert, cert, "ADDRESS_CHANGE", "ACCEPTED"));
        KafkaTestClient.send(brokers, Topics.FILING_DECIDED, filingId,
                decided.formatted("ev-d-" + cert, filingId, cert, cert, cert, "DISSOLUTION", "ACCEPTED"));
        KafkaTestClient.send(brokers, Topics.FILING_DECIDED, filingId,
                decided.formatted("ev-d-" + cert, filingId, cert, cert, cert, "DISSOLUTION", "ACCEPTED"));
        await().atMost(Duration.ofSeconds(20)).until(() -> accounts.closed.contains(cert));
        String marker = newCertificateNo();
        KafkaTestClient.send(brokers, Topics.FILING_DECIDED, filingId,
                decided.formatted("ev-m-" + marker, filingId, marker, marker, marker, "DISSOLUTION", "ACCEPTED"));
        await().atMost(Duration.ofSeconds(20)).until(() -> accounts.closed.contains(marker));
        assertThat(accounts.closed).containsOnlyOnce(cert);
    }
}
