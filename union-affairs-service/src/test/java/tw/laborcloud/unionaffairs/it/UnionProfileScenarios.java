package tw.laborcloud.unionaffairs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;
import tw.laborcloud.events.Topics;
import tw.laborcloud.platform.test.KafkaTestClient;
import tw.laborcloud.events.registration.AccountActivated;
import tw.laborcloud.unionaffairs.profile.UnionProfile;

/**
 * The service with a real Kafka broker and MongoDB (the subclasses choose where they come
 * from); requests carry JWTs shaped like Keycloak's (claim union_id, realm roles as ROLE_*).
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
abstract class UnionProfileScenarios {

    /** Events whose order matters go to one partition; a marker sent after them shows they were consumed. */
    private static final int PARTITION = 0;

    @Value("${laborcloud.kafka.brokers}")
    String brokers;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MockMvc mvc;

    @Test
    void anActivatedUnionReadsItsOwnProfile() throws Exception {
        AccountActivated event = activation();

        send(event);
        awaitProfile(event.unionId());

        mvc.perform(get("/api/union/profile").with(union(event.unionId())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unionId").value(event.unionId()))
                .andExpect(jsonPath("$.certificateNo").value(event.certificateNo()))
                .andExpect(jsonPath("$.unionName").value(event.unionName()))
                .andExpect(jsonPath("$.contactEmail").value(event.contactEmail()))
                .andExpect(jsonPath("$.applicationId").value(event.applicationId()))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.activatedAt").isNotEmpty())
                .andExpect(jsonPath("$.appliedEvents").doesNotExist());
        mvc.perform(get("/api/union/profiles/{id}", event.unionId()).with(union(event.unionId())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.certificateNo").value(event.certificateNo()));
    }

    @Test
    void theRegistrationFormMakesTheProfile() throws Exception {
        AccountActivated event = TestUnions.activation(TestUnions.details());
        send(event);
        awaitProfile(event.unionId());

        mvc.perform(get("/api/union/profile").with(union(event.unionId())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unionId").value(event.unionId()))
                .andExpect(jsonPath("$.unionType").value("INDUSTRIAL"))
                .andExpect(jsonPath("$.unionTypeLabel").value("產業工會"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.representative").value("王大明"))
                .andExpect(jsonPath("$.address.postalCode").value("220"))
                .andExpect(jsonPath("$.address.city").value("新北市"))
                .andExpect(jsonPath("$.address.district").value("板橋區"))
                .andExpect(jsonPath("$.address.street").value("文化路一段100號"))
                .andExpect(jsonPath("$.mailingAddress.street").value("郵政信箱 12 號"))
                .andExpect(jsonPath("$.foundedOn").value("2020-05-01"))
                .andExpect(jsonPath("$.members.male").value(18))
                .andExpect(jsonPath("$.members.female").value(22))
                .andExpect(jsonPath("$.members.total").value(40))
                .andExpect(jsonPath("$.memberRepresentatives.total").value(5))
                .andExpect(jsonPath("$.directors.total").value(9))
                .andExpect(jsonPath("$.supervisors.total").value(3))
                .andExpect(jsonPath("$.contactName").value("林小姐"))
                .andExpect(jsonPath("$.contactPhone").value("02-29603456"))
                .andExpect(jsonPath("$.fax").value("02-29603457"))
                .andExpect(jsonPath("$.contactEmail").value(event.contactEmail()))
                .andExpect(jsonPath("$.backupEmail").value("backup@union.example"))
                .andExpect(jsonPath("$.changes").isEmpty());
    }

    @Test
    void aVersionOneActivationWithoutDetailsStillMakesAProfile() throws Exception {
        AccountActivated event = TestUnions.activation(null);
        send(event);
        awaitProfile(event.unionId());

        mvc.perform(get("/api/union/profile").with(union(event.unionId())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.unionName").value(event.unionName()))
                .andExpect(jsonPath("$.representative").doesNotExist())
                .andExpect(jsonPath("$.address").doesNotExist());
    }

    @Test
    void aRepublishedActivationDoesNotUndoWhatChangedSince() throws Exception {
        AccountActivated event = TestUnions.activation(TestUnions.details());
        send(event);
        awaitProfile(event.unionId());
        // as an accepted filing would have changed it
        mongo.updateFirst(Query.query(Criteria.where("_id").is(event.unionId())),
                new org.springframework.data.mongodb.core.query.Update().set("representative", "陳新任")
                        .set("status", "DISSOLVED"), UnionProfile.COLLECTION);

        AccountActivated republished = new AccountActivated(UUID.randomUUID().toString(), event.occurredAt(),
                event.applicationId(), event.correlationId(), event.schemaVersion(), event.unionId(),
                event.certificateNo(), event.username(), event.unionName(), event.contactEmail(), event.details());
        send(republished);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(event.unionId(), Document.class,
                UnionProfile.COLLECTION).getList("appliedEvents", String.class).contains(republished.eventId()));

        Document after = mongo.findById(event.unionId(), Document.class, UnionProfile.COLLECTION);
        assertThat(after.getString("representative")).isEqualTo("陳新任");
        assertThat(after.getString("status")).isEqualTo("DISSOLVED");
    }

    @Test
    void anotherUnionMayNotReadTheProfile() throws Exception {
        AccountActivated event = activation();
        send(event);
        awaitProfile(event.unionId());

        mvc.perform(get("/api/union/profiles/{id}", event.unionId()).with(union("someone-else")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("NOT_YOUR_UNION"))
                .andExpect(jsonPath("$.detail").value("只能查看自己工會的資料。"));
    }

    @Test
    void bureauOfficersReadAnyProfile() throws Exception {
        AccountActivated event = activation();
        send(event);
        awaitProfile(event.unionId());

        for (String role : new String[] { "ROLE_reviewer", "ROLE_approver" }) {
            mvc.perform(get("/api/union/profiles/{id}", event.unionId())
                    .with(jwt().authorities(new SimpleGrantedAuthority(role))))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.unionName").value(event.unionName()));
        }
        mvc.perform(get("/api/union/profiles/{id}", "no-such-union")
                .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_reviewer"))))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PROFILE_NOT_FOUND"));
    }

    @Test
    void withoutATokenEverythingIsUnauthorized() throws Exception {
        mvc.perform(get("/api/union/profile")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/union/profiles/{id}", "u-1")).andExpect(status().isUnauthorized());
    }

    @Test
    void aUnionWhoseProfileIsNotCreatedYetIsToldItIsBeingSetUp() throws Exception {
        mvc.perform(get("/api/union/profile").with(union("not-activated-yet")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PROFILE_NOT_FOUND"))
                .andExpect(jsonPath("$.detail").value(containsString("正在建立中")));
    }

    @Test
    void aUnionTokenWithoutUnionIdIsRefused() throws Exception {
        mvc.perform(get("/api/union/profile").with(jwt().authorities(new SimpleGrantedAuthority("ROLE_union"))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("NO_UNION_ID"));
        mvc.perform(get("/api/union/profiles/{id}", "u-1")
                .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_union"))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("NO_UNION_ID"));
    }

    @Test
    void rolesOutsideTheRulesAndUnknownPathsAreDenied() throws Exception {
        mvc.perform(get("/api/union/profile").with(jwt().authorities(new SimpleGrantedAuthority("ROLE_reviewer"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/union/profiles/{id}", "u-1").with(jwt().authorities(new SimpleGrantedAuthority("ROLE_ops"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/union/filings").with(jwt().authorities(new SimpleGrantedAuthority("ROLE_reviewer"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/union/profiles/{id}/filings", "u-1").with(union("u-1"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/union/secrets").with(union("u-1"))).andExpect(status().isForbidden());
    }

    @Test
    void aRedeliveredActivationLeavesOneUnchangedProfile() throws Exception {
        AccountActivated event = activation();
        send(event);
        Document first = awaitProfile(event.unionId());

        send(event); // redelivered: same event id
        AccountActivated republished = new AccountActivated(UUID.randomUUID().toString(),
                event.occurredAt().plus(1, ChronoUnit.HOURS), event.applicationId(), event.correlationId(),
                event.schemaVersion(), event.unionId(), event.certificateNo(), event.username(), event.unionName(),
                event.contactEmail(), event.details());
        send(republished); // a new event id for the same activation, later
        AccountActivated marker = activation();
        send(marker);
        awaitProfile(marker.unionId());

        assertThat(mongo.count(Query.query(Criteria.where("_id").is(event.unionId())), UnionProfile.COLLECTION))
                .isEqualTo(1);
        Document after = mongo.findById(event.unionId(), Document.class, UnionProfile.COLLECTION);
        assertThat(after.getDate("activatedAt")).isEqualTo(first.getDate("activatedAt"));
        assertThat(after.getDate("activatedAt").toInstant())
                .isEqualTo(event.occurredAt().truncatedTo(ChronoUnit.MILLIS));
        assertThat(after.getList("appliedEvents", String.class))
                .containsExactlyInAnyOrder(event.eventId(), republished.eventId());
    }

    // --- helpers -------------------------------------------------------------------------

    private static AccountActivated activation() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String certificateNo = String.valueOf(10_000_000 + Math.floorMod(suffix.hashCode(), 90_000_000));
        return AccountActivated.of("R-" + suffix, "corr-" + suffix, "union-" + suffix, certificateNo, certificateNo,
                "新北市測試產業工會" + suffix, "clerk-" + suffix + "@union.example");
    }

    private static RequestPostProcessor union(String unionId) {
        return jwt().jwt(token -> token.claim("union_id", unionId).claim("preferred_username", "12345678"))
                .authorities(new SimpleGrantedAuthority("ROLE_union"));
    }

    private Document awaitProfile(String unionId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(unionId, Document.class, UnionProfile.COLLECTION) != null);
        return mongo.findById(unionId, Document.class, UnionProfile.COLLECTION);
    }

    private void send(AccountActivated event) {
        KafkaTestClient.send(brokers, Topics.ACCOUNT_ACTIVATED, PARTITION, event.applicationId(),
                json.writeValueAsString(event));
    }
}
