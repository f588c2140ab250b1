package tw.laborcloud.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import tw.laborcloud.events.Topics;
import tw.laborcloud.platform.test.KafkaTestClient;
import tw.laborcloud.registration.registration.Registrations;

@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
@Import(RegistrationScenarios.Accounts.class)
abstract class RegistrationScenarios {

    @TestConfiguration
    static class Accounts {
        @Bean
        @Primary
        RecordingUnionAccounts recordingUnionAccounts() {
            return new RecordingUnionAccounts();
        }
    }

    @Value("${laborcloud.kafka.brokers}")
    String brokers;
    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    RecordingUnionAccounts accounts;

    static int next = 10_000_000;

    @BeforeEach
    void reset() {
        accounts.calls.clear();
        accounts.unavailable = false;
    }

    static synchronized String newCertificateNo() {
        return String.valueOf(++next);
    }

    static String body(String account, String password, String email) {
        return """
                {"account":"%s","password":"%s","passwordConfirm":"%s","unionName":"新北市測試產業工會",
                 "contactEmail":"%s","contactEmailConfirm":"%s",
                 "documents":[{"kind":"CHARTER","uploadId":"0f8fad5b-d9cb-469f-a165-70867728950e"}]}
                """.formatted(account, password, password, email, email);
    }

    String submit(String certificateNo) throws Exception {
        String location = mvc.perform(post("/api/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(body(certificateNo, "Secret-Pass1", "clerk@union.example")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andReturn().getResponse().getHeader("Location");
        return location.substring(location.lastIndexOf('/') + 1);
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
                        .content(body(cert, "Secret-Pass1", "clerk@union.example")))
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
    void invalidInputIsRefusedFieldByFieldAndNothingIsStored() throws Exception {
        long before = mongo.count(new org.springframework.data.mongodb.core.query.Query(), Registrations.COLLECTION);
        mvc.perform(post("/api/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(body("1234", "weak", "no-at-sign")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[?(@.field=='account')].code").value("ACCOUNT_FORMAT"))
                .andExpect(jsonPath("$.errors[?(@.field=='password')].message")
                        .value("密碼不符規則：至少 8 個字元、需包含數字、需包含大寫字母"))
                .andExpect(jsonPath("$.errors[?(@.field=='contactEmail')].code").value("EMAIL_FORMAT"));
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), Registrations.COLLECTION))
                .isEqualTo(before);
    }

    @Test
    void ofSimultaneousRegistrationsForOneCertificateExactlyOneWins() throws Exception {
        String cert = newCertificateNo();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            attempts.add(() -> mvc.perform(post("/api/registrations").contentType(MediaType.APPLICATION_JSON)
                    .content(body(cert, "Secret-Pass1", "clerk@union.example"))).andReturn().getResponse().getStatus());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(attempts)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 400).hasSize(5);
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("certificateNo").is(cert)),
                Registrations.COLLECTION)).isEqualTo(1);
        mvc.perform(post("/api/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(body(cert, "Secret-Pass1", "clerk@union.example")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("CERTIFICATE_TAKEN"));
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
}
