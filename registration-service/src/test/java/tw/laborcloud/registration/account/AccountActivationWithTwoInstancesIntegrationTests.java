package tw.laborcloud.registration.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;

import tw.laborcloud.events.Topics;
import tw.laborcloud.platform.outbox.OutboxRelay;
import tw.laborcloud.platform.scheduling.SchedulingAutoConfiguration;
import tw.laborcloud.platform.test.KafkaTestClient;
import tw.laborcloud.platform.test.LocalTestInfra;
import tw.laborcloud.platform.test.ServiceInstances;
import tw.laborcloud.registration.RegistrationApplication;
import tw.laborcloud.registration.registration.Registrations;

/**
 * Two instances of the registration service on one database, both polling for approved
 * applications every 0.2 s while Keycloak takes 0.3 s per account: every union's account is
 * still provisioned once, by one instance at a time, and announced by one event. The captcha sweep is
 * held for its whole period once one of them has run it.
 */
class AccountActivationWithTwoInstancesIntegrationTests {

    static final Duration KEYCLOAK_TIME = Duration.ofMillis(300);

    /** One provisioning call as Keycloak saw it. */
    record Call(String instance, String applicationId, Instant start, Instant end) {
    }

    static final List<Call> calls = new CopyOnWriteArrayList<>();

    /** Each instance's Keycloak client; both write to the one log of what Keycloak received. */
    @TestConfiguration
    static class SlowKeycloak {
        @Bean
        @Primary
        UnionAccounts slowKeycloak(@Value("${laborcloud.test.instance}") String instance) {
            return new UnionAccounts() {
                @Override
                public String provision(NewUnionAccount account) {
                    Instant start = Instant.now();
                    try {
                        Thread.sleep(KEYCLOAK_TIME);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("stopped", e);
                    }
                    calls.add(new Call(instance, account.applicationId(), start, Instant.now()));
                    return "kc-" + account.username();
                }

                @Override
                public boolean close(String username) {
                    throw new UnsupportedOperationException("not used here");
                }
            };
        }
    }

    static ServiceInstances instances;
    static MongoTemplate mongo;

    @BeforeAll
    static void twoInstances() {
        instances = new ServiceInstances();
        Class<?>[] service = { RegistrationApplication.class, SlowKeycloak.class };
        mongo = instances.start(service, "--laborcloud.activation.poll-interval=PT0.2S",
                "--laborcloud.test.instance=A").getBean(MongoTemplate.class);
        instances.start(service, "--laborcloud.activation.poll-interval=PT0.2S", "--laborcloud.test.instance=B");
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @Test
    void eachApprovedAccountIsProvisionedOnceByOneInstanceAtATime() {
        List<String> approved = IntStream.range(0, 6)
                .mapToObj(i -> AccountActivationScenarios.approved(mongo, AccountActivationScenarios.certificateNo()))
                .toList();

        await("all activated").atMost(Duration.ofSeconds(60))
                .until(() -> approved.stream().allMatch(id -> registration(id).get("activatedAt") != null));

        Map<String, Long> callsPerApplication = calls.stream()
                .collect(Collectors.groupingBy(Call::applicationId, Collectors.counting()));
        assertThat(callsPerApplication).as("one Keycloak call per account: %s", calls)
                .containsOnlyKeys(approved).allSatisfy((id, count) -> assertThat(count).isOne());
        List<Call> inOrder = calls.stream().sorted(Comparator.comparing(Call::start)).toList();
        for (int i = 1; i < inOrder.size(); i++) {
            assertThat(inOrder.get(i).start()).as("never two instances at once: %s", inOrder)
                    .isAfterOrEqualTo(inOrder.get(i - 1).end());
        }
        // one event each; the outbox relays of both instances may each publish it (at least once, same event id)
        String brokers = LocalTestInfra.brokers();
        for (String id : approved) {
            assertThat(KafkaTestClient.readAll(brokers, Topics.ACCOUNT_ACTIVATED, id,
                    Duration.ofSeconds(id.equals(approved.getFirst()) ? 5 : 1)).stream()
                    .map(r -> new String(r.headers().lastHeader(OutboxRelay.EVENT_ID).value(), StandardCharsets.UTF_8))
                    .distinct()).as("one AccountActivated event of %s", id).hasSize(1);
        }
    }

    @Test
    void theCaptchaSweepThatRanAtStartIsLockedForItsWholePeriod() {
        // while the sweep runs its lock is held for lockAtMostFor (15 minutes); when it is done, until its period ends
        Document lock = await("the start-up sweep done").atMost(Duration.ofSeconds(30))
                .until(() -> mongo.getCollection(SchedulingAutoConfiguration.LOCKS_COLLECTION)
                        .find(new Document("_id", "registration.captcha-sweep")).first(),
                        l -> l != null && !until(l).isAfter(ran(l).plus(Duration.ofMinutes(10))));

        assertThat(until(lock)).as("neither instance sweeps again before ten minutes are over")
                .isAfter(Instant.now())
                .isAfterOrEqualTo(ran(lock).plus(Duration.ofMinutes(10)).minusSeconds(5));
    }

    private static Instant ran(Document lock) {
        return lock.getDate("lockedAt").toInstant();
    }

    private static Instant until(Document lock) {
        return lock.getDate("lockUntil").toInstant();
    }

    private static Document registration(String applicationId) {
        return mongo.findById(applicationId, Document.class, Registrations.COLLECTION);
    }
}
