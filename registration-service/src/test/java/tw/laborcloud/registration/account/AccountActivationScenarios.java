package tw.laborcloud.registration.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import tw.laborcloud.events.Topics;
import tw.laborcloud.platform.test.KafkaTestClient;
import tw.laborcloud.registration.registration.Registrations;

/**
 * The activator with the breaker settings of application.yml (shorter waits) and a Keycloak
 * stand-in that can be taken down: approved registrations wait while the circuit is open
 * without a single call reaching Keycloak, and are activated once each when it is back; a
 * clash raises the alert metric and leaves the circuit closed.
 */
@SpringBootTest(properties = {
        "laborcloud.activation.poll-interval=PT0.2S",
        "resilience4j.circuitbreaker.instances.keycloak.wait-duration-in-open-state=10s" })
@DirtiesContext
@Import(AccountActivationScenarios.Keycloak.class)
abstract class AccountActivationScenarios {

    @TestConfiguration
    static class Keycloak {
        @Bean
        @Primary
        SwitchableKeycloak switchableKeycloak() {
            return new SwitchableKeycloak();
        }
    }

    @Value("${laborcloud.kafka.brokers}")
    String brokers;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    SwitchableKeycloak keycloak;
    @Autowired
    ProvisioningCircuit circuit;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void keycloakUp() {
        keycloak.down = false;
        keycloak.clashing = Set.of();
        keycloak.calls.clear();
        keycloak.succeeded.clear();
        await().atMost(Duration.ofSeconds(30)).until(() -> circuit.state() == CircuitBreaker.State.CLOSED);
    }

    @Test
    void whileTheCircuitIsOpenActivationsWaitWithoutCallingKeycloakAndCompleteOnceEachWhenItIsBack() {
        keycloak.down = true;
        String first = approved(certificateNo());
        String second = approved(certificateNo());

        await("circuit open").atMost(Duration.ofSeconds(20)).until(() -> circuit.state() == CircuitBreaker.State.OPEN);
        await("an activation deferred by the open circuit").atMost(Duration.ofSeconds(20))
                .until(() -> AccountActivator.CIRCUIT_OPEN.equals(lastError(first))
                        || AccountActivator.CIRCUIT_OPEN.equals(lastError(second)));
        int callsWhileOpen = keycloak.calls.size();
        await("no call reaches Keycloak while open").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> keycloak.calls.size() == callsWhileOpen);
        Document deferred = AccountActivator.CIRCUIT_OPEN.equals(lastError(first)) ? activation(first)
                : activation(second);
        assertThat(deferred.getDate("nextAttemptAt").toInstant()).as("waits for the trial call")
                .isAfter(Instant.now());
        assertThat(activatedAt(first)).isNull();
        assertThat(activatedAt(second)).isNull();

        keycloak.down = false; // Keycloak is back
        await("both activated").atMost(Duration.ofSeconds(40))
                .until(() -> activatedAt(first) != null && activatedAt(second) != null);

        assertThat(circuit.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(KafkaTestClient.readAll(brokers, Topics.ACCOUNT_ACTIVATED, first, Duration.ofSeconds(5))).hasSize(1);
        assertThat(KafkaTestClient.readAll(brokers, Topics.ACCOUNT_ACTIVATED, second, Duration.ofSeconds(2))).hasSize(1);
        assertThat(keycloak.succeeded).as("one successful provisioning each").containsExactlyInAnyOrder(first, second);
    }

    @Test
    void clashesAreAlertsForOpsNotKeycloakFailures() {
        // four clashes would open the circuit (minimum-number-of-calls 4) if they counted as failures
        List<String> clashingCertificates = List.of(certificateNo(), certificateNo(), certificateNo(), certificateNo());
        keycloak.clashing = Set.copyOf(clashingCertificates);
        double clashesBefore = clashes();
        List<String> clashing = clashingCertificates.stream().map(this::approved).toList();
        String other = approved(certificateNo());

        await("clashes recorded").atMost(Duration.ofSeconds(20))
                .until(() -> clashing.stream().allMatch(id -> lastError(id) != null));
        await("the other one activated").atMost(Duration.ofSeconds(20)).until(() -> activatedAt(other) != null);

        assertThat(clashes()).isEqualTo(clashesBefore + 4);
        assertThat(circuit.state()).as("the ignore-exceptions setting of application.yml")
                .isEqualTo(CircuitBreaker.State.CLOSED);
        String first = clashing.getFirst();
        assertThat(lastError(first)).startsWith("AccountClashException").contains(clashingCertificates.getFirst());
        assertThat(activation(first).getDate("nextAttemptAt").toInstant())
                .as("looked at again much later, not hammered").isAfter(Instant.now().plus(Duration.ofMinutes(4)));
        assertThat(clashing).allSatisfy(id -> assertThat(activatedAt(id)).isNull());
    }

    private double clashes() {
        return meters.counter(AccountActivator.CLASH_METRIC).count();
    }

    private String approved(String certificateNo) {
        return approved(mongo, certificateNo);
    }

    /** An approved registration as the approval handler leaves it: due for activation now. */
    static String approved(MongoTemplate mongo, String certificateNo) {
        String applicationId = "R-" + UUID.randomUUID();
        mongo.insert(new Document("_id", applicationId)
                .append("certificateNo", certificateNo)
                .append("activeCertificateNo", certificateNo)
                .append("unionName", "新北市測試產業工會")
                .append("contactEmail", "clerk-" + certificateNo + "@union.example")
                .append("correlationId", "corr-" + applicationId)
                .append("decision", "APPROVED")
                .append("activation", new Document("attempts", 0).append("nextAttemptAt", new Date())),
                Registrations.COLLECTION);
        return applicationId;
    }

    private Document registration(String applicationId) {
        return mongo.findById(applicationId, Document.class, Registrations.COLLECTION);
    }

    private Document activation(String applicationId) {
        return registration(applicationId).get("activation", Document.class);
    }

    private String lastError(String applicationId) {
        return activation(applicationId).getString("lastError");
    }

    private Object activatedAt(String applicationId) {
        return registration(applicationId).get("activatedAt");
    }

    static String certificateNo() {
        return String.valueOf(30_000_000 + Math.floorMod(UUID.randomUUID().hashCode(), 60_000_000));
    }

    /** Keycloak as the activator sees it: up, down (like a refused connection) or clashing per user name. */
    static class SwitchableKeycloak implements UnionAccounts {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<String> succeeded = new CopyOnWriteArrayList<>();
        volatile boolean down;
        volatile Set<String> clashing = Set.of();

        @Override
        public String provision(NewUnionAccount account) {
            calls.add(account.applicationId());
            if (down) {
                throw new IllegalStateException("Connection refused (test)");
            }
            if (clashing.contains(account.username())) {
                throw new AccountClashException("Keycloak user " + account.username()
                        + " exists for another application than " + account.applicationId());
            }
            succeeded.add(account.applicationId());
            return "kc-" + account.username();
        }

        @Override
        public boolean close(String username) {
            throw new UnsupportedOperationException("not used by the activation tests");
        }
    }
}
