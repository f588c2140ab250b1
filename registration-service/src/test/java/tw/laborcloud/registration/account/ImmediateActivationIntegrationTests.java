package tw.laborcloud.registration.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tw.laborcloud.events.Topics;
import tw.laborcloud.platform.test.KafkaTestClient;
import tw.laborcloud.platform.test.LocalTestInfra;
import tw.laborcloud.registration.registration.Registrations;

/**
 * An approval opens the union's account as soon as the approval event arrives, not at the
 * activator's next poll: with the poll an hour apart here, the account is still opened within
 * seconds, and its AccountActivated event (which sends the activation mail) follows.
 */
@SpringBootTest(properties = "laborcloud.activation.poll-interval=PT1H")
@DirtiesContext
@Import(AccountActivationScenarios.Keycloak.class)
class ImmediateActivationIntegrationTests {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }

    @Value("${laborcloud.kafka.brokers}")
    String brokers;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    AccountActivationScenarios.SwitchableKeycloak keycloak;

    @Test
    void theApprovalEventOpensTheAccountAtOnceWithoutWaitingForThePoll() {
        String certificateNo = AccountActivationScenarios.certificateNo();
        String applicationId = "R-" + UUID.randomUUID();
        mongo.insert(new Document("_id", applicationId).append("certificateNo", certificateNo)
                .append("activeCertificateNo", certificateNo).append("unionName", "新北市即時產業工會")
                .append("contactEmail", "clerk-" + certificateNo + "@union.example")
                .append("correlationId", "corr-" + applicationId), Registrations.COLLECTION);

        KafkaTestClient.send(brokers, Topics.APPLICATION_APPROVED, applicationId, """
                {"eventId":"ev-approve-%s","occurredAt":"2026-12-04T08:00:00Z","applicationId":"%s",
                 "correlationId":"corr-%s","schemaVersion":1,"certificateNo":"%s","decidedBy":"approver1"}
                """.formatted(certificateNo, applicationId, applicationId, certificateNo));

        await("the account opened, an hour before the next poll").atMost(Duration.ofSeconds(20))
                .until(() -> mongo.findById(applicationId, Document.class, Registrations.COLLECTION)
                        .get("activatedAt") != null);
        assertThat(keycloak.succeeded).containsOnlyOnce(applicationId);
        assertThat(KafkaTestClient.awaitOne(brokers, Topics.ACCOUNT_ACTIVATED, applicationId, Duration.ofSeconds(20))
                .value()).contains("\"username\":\"" + certificateNo + "\"");
    }
}
