package tw.laborcloud.registration.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import tw.laborcloud.registration.account.ProvisioningCircuit.CircuitOpen;
import tw.laborcloud.registration.account.ProvisioningCircuit.Clash;
import tw.laborcloud.registration.account.ProvisioningCircuit.Failed;
import tw.laborcloud.registration.account.ProvisioningCircuit.Outcome;
import tw.laborcloud.registration.account.ProvisioningCircuit.Provisioned;
import tw.laborcloud.registration.account.UnionAccounts.AccountClashException;
import tw.laborcloud.registration.account.UnionAccounts.NewUnionAccount;

/** The breaker around Keycloak with a fake that fails like an outage, on a clock the test moves. */
class ProvisioningCircuitTests {

    static final Duration OPEN_WAIT = Duration.ofSeconds(20);

    final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T08:00:00Z"));
    final FakeKeycloak keycloak = new FakeKeycloak();
    /** The settings of application.yml, with the test's clock. */
    final ProvisioningCircuit circuit = new ProvisioningCircuit(keycloak, CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                    .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .slidingWindowSize(10)
                    .minimumNumberOfCalls(4)
                    .failureRateThreshold(50)
                    .waitDurationInOpenState(OPEN_WAIT)
                    .permittedNumberOfCallsInHalfOpenState(1)
                    .ignoreExceptions(AccountClashException.class)
                    .clock(clock)
                    .build()));

    @Test
    void anOutageOpensTheCircuitAfterFourFailuresAndThenNoCallReachesKeycloakUntilTheWaitIsOver() {
        keycloak.down = true;
        for (int i = 0; i < 4; i++) {
            assertThat(circuit.provision(account("1000000" + i))).isInstanceOf(Failed.class);
        }
        assertThat(circuit.state()).isEqualTo(CircuitBreaker.State.OPEN);
        Instant openedAt = clock.instant();

        clock.advance(Duration.ofSeconds(5));
        Outcome skipped = circuit.provision(account("10000009"));

        assertThat(skipped).isEqualTo(new CircuitOpen(openedAt.plus(OPEN_WAIT)));
        assertThat(keycloak.calls).as("no call while open").hasValue(4);
    }

    @Test
    void afterTheWaitOneTrialCallGoesThroughAndASuccessClosesTheCircuit() {
        openTheCircuit();
        keycloak.down = false; // Keycloak is back
        clock.advance(OPEN_WAIT.minusSeconds(1));
        assertThat(circuit.provision(account("20000001"))).isInstanceOf(CircuitOpen.class);
        assertThat(keycloak.calls).hasValue(4);

        clock.advance(Duration.ofSeconds(1).plusMillis(1)); // the breaker lets a trial through once the wait is over
        assertThat(circuit.provision(account("20000001"))).isEqualTo(new Provisioned("kc-20000001"));
        assertThat(circuit.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(circuit.provision(account("20000002"))).isEqualTo(new Provisioned("kc-20000002"));
        assertThat(keycloak.calls).hasValue(6);
    }

    @Test
    void aFailedTrialOpensTheCircuitAgainForAnotherWholeWait() {
        openTheCircuit();
        clock.advance(OPEN_WAIT.plusMillis(1));

        assertThat(circuit.provision(account("30000001"))).isInstanceOf(Failed.class);
        Instant reopenedAt = clock.instant();

        assertThat(circuit.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(circuit.provision(account("30000002"))).isEqualTo(new CircuitOpen(reopenedAt.plus(OPEN_WAIT)));
        assertThat(keycloak.calls).hasValue(5);
    }

    @Test
    void clashesAreAnswersOfAWorkingKeycloakAndNeverOpenTheCircuit() {
        keycloak.clashing = Set.of("40000001");
        for (int i = 0; i < 10; i++) {
            assertThat(circuit.provision(account("40000001"))).isInstanceOf(Clash.class);
        }
        assertThat(circuit.state()).isEqualTo(CircuitBreaker.State.CLOSED);

        // nor do they dilute real failures: four failures after ten clashes open it as on a fresh breaker
        keycloak.down = true;
        for (int i = 0; i < 4; i++) {
            circuit.provision(account("4000001" + i));
        }
        assertThat(circuit.state()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void aClashCarriesKeycloaksExplanation() {
        keycloak.clashing = Set.of("50000001");

        Outcome outcome = circuit.provision(account("50000001"));

        assertThat(outcome).isInstanceOfSatisfying(Clash.class,
                c -> assertThat(c.message()).contains("50000001").contains("another application"));
    }

    private void openTheCircuit() {
        keycloak.down = true;
        for (int i = 0; i < 4; i++) {
            circuit.provision(account("9000000" + i));
        }
        assertThat(circuit.state()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    private static NewUnionAccount account(String certificateNo) {
        return new NewUnionAccount("R-" + certificateNo, certificateNo, certificateNo, "u@union.example", "工會", null);
    }

    /** Stands in for Keycloak: up, down (every call fails like a refused connection), or a clash per name. */
    static final class FakeKeycloak implements UnionAccounts {
        final AtomicInteger calls = new AtomicInteger();
        volatile boolean down;
        volatile Set<String> clashing = Set.of();

        @Override
        public String provision(NewUnionAccount account) {
            calls.incrementAndGet();
            if (down) {
                throw new IllegalStateException("Connection refused (test)");
            }
            if (clashing.contains(account.username())) {
                throw new AccountClashException("Keycloak user " + account.username()
                        + " exists for another application than " + account.applicationId());
            }
            return "kc-" + account.username();
        }

        @Override
        public boolean close(String username) {
            throw new UnsupportedOperationException("not used by the activation tests");
        }
    }

    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
