package tw.laborcloud.unionaffairs.filing;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static tw.laborcloud.unionaffairs.it.TestUnions.union;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.json.JsonMapper;
import tw.laborcloud.events.Topics;
import tw.laborcloud.events.registration.AccountActivated;
import tw.laborcloud.events.registration.UnionDetails;
import tw.laborcloud.events.review.FilingDecided;
import tw.laborcloud.events.review.FilingDecided.Outcome;
import tw.laborcloud.platform.test.KafkaTestClient;
import tw.laborcloud.unionaffairs.it.TestUnions;
import tw.laborcloud.unionaffairs.profile.UnionProfile;

/**
 * Filings end to end inside the service: the union's requests through MockMvc with tokens
 * shaped like Keycloak's, FilingSubmitted read from the real broker, the bureau's
 * FilingDecided sent to it as review-service will. "Today" is {@link SampleFilings#TODAY}
 * in Taipei unless a test moves the clock.
 *
 * <p>What the filing scenarios share: the Spring test context, the fixed clock and the
 * helpers that act as the union and as the bureau. The scenarios themselves are
 * {@link FilingLifecycleScenarios}, {@link FilingRefusalScenarios} and {@link FilingAccessScenarios}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(FilingScenarioSupport.FixedClock.class)
@DirtiesContext
abstract class FilingScenarioSupport {

    /** Decisions whose order matters go to one partition, read in order; a later marker shows the earlier were handled. */
    private static final int PARTITION = 0;
    static final Duration WAIT = Duration.ofSeconds(60);

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(SampleFilings.TODAY);
        }
    }

    @Value("${laborcloud.kafka.brokers}")
    String brokers;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MockMvc mvc;
    @Autowired
    MutableClock clock;
    @Autowired
    Filings filings;

    @BeforeEach
    void today() {
        clock.setDay(SampleFilings.TODAY);
    }

    // --- helpers -------------------------------------------------------------------------

    String activate(UnionDetails details) {
        AccountActivated event = TestUnions.activation(details);
        KafkaTestClient.send(brokers, Topics.ACCOUNT_ACTIVATED, event.applicationId(), json.writeValueAsString(event));
        await().atMost(WAIT).until(() -> mongo.findById(event.unionId(), Document.class, UnionProfile.COLLECTION) != null);
        return event.unionId();
    }

    ResultActions create(String unionId, FilingType type, Map<String, Object> form,
            List<AttachmentRef> attachments) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type == null ? null : type.name());
        body.put("form", form);
        body.put("attachments", attachments);
        return mvc.perform(post("/api/union/filings").with(union(unionId)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    String created(String unionId, FilingType type, Map<String, Object> form, List<AttachmentRef> attachments)
            throws Exception {
        String body = create(unionId, type, form, attachments).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString();
        return json.readTree(body).get("filingId").asString();
    }

    /** A filing of the sample submitted once (round 1), its event published. */
    String submitted(String unionId, SampleFilings sample) throws Exception {
        String id = created(unionId, sample.type(), sample.form(), sample.attachments(unionId));
        submit(unionId, id, 0).andExpect(status().isOk());
        await().atMost(WAIT).until(() -> filings.find(id).orElseThrow().pendingEvents().isEmpty());
        return id;
    }

    ResultActions update(String unionId, String id, Map<String, Object> form, List<AttachmentRef> attachments,
            long revision) throws Exception {
        return mvc.perform(put("/api/union/filings/{id}", id).with(union(unionId))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(
                        Map.of("form", form, "attachments", attachments, "revision", revision))));
    }

    ResultActions submit(String unionId, String id, long revision) throws Exception {
        return mvc.perform(post("/api/union/filings/{id}/submit", id).with(union(unionId))
                .contentType(MediaType.APPLICATION_JSON).content("{\"revision\":" + revision + "}"));
    }

    ResultActions view(String unionId, String id) throws Exception {
        return mvc.perform(get("/api/union/filings/{id}", id).with(union(unionId)));
    }

    void decide(String unionId, FilingType type, String id, int round, Outcome outcome, String reason) {
        send(FilingDecided.of(id, "corr-" + id, unionId, unionId, type.name(), type.label(), round, outcome, reason,
                "officer-approver"));
    }

    void send(FilingDecided decided) {
        KafkaTestClient.send(brokers, Topics.FILING_DECIDED, PARTITION, decided.applicationId(),
                json.writeValueAsString(decided));
    }

    void awaitStatus(String unionId, String id, String expected) {
        await().atMost(WAIT).untilAsserted(() -> view(unionId, id).andExpect(jsonPath("$.status").value(expected)));
    }
}
