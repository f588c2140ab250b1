package tw.laborcloud.registration.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import tw.laborcloud.registration.account.UnionAccounts.AccountClashException;
import tw.laborcloud.registration.account.UnionAccounts.NewUnionAccount;

/**
 * Keycloak provisioning behind the circuit breaker {@value #NAME} (settings under
 * {@code resilience4j.circuitbreaker.instances.keycloak}). While the breaker is open no call
 * reaches Keycloak: the caller learns when the next trial may happen and waits until then,
 * instead of every due activation hitting a server that is down. A clash is an answer from a
 * working Keycloak, so it is configured as an ignored exception: it neither opens nor closes
 * the breaker.
 */
@Component
class ProvisioningCircuit {

    static final String NAME = "keycloak";
    private static final Logger log = LoggerFactory.getLogger(ProvisioningCircuit.class);
    /** While a half-open trial runs, the others look again this soon (the trial decides quickly). */
    static final Duration HALF_OPEN_RECHECK = Duration.ofSeconds(2);

    private final UnionAccounts accounts;
    private final CircuitBreaker breaker;
    private final Clock clock;
    private volatile Instant openUntil = Instant.EPOCH;

    ProvisioningCircuit(UnionAccounts accounts, CircuitBreakerRegistry breakers) {
        this.accounts = accounts;
        this.breaker = breakers.circuitBreaker(NAME);
        // the breaker's own clock, so that "open until" and the breaker's wait agree (also in tests)
        this.clock = breaker.getCircuitBreakerConfig().getClock();
        breaker.getEventPublisher().onStateTransition(event -> {
            CircuitBreaker.State to = event.getStateTransition().getToState();
            if (to == CircuitBreaker.State.OPEN) {
                openUntil = clock.instant().plusMillis(
                        breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
                log.warn("Keycloak circuit open: account activations wait until {}", openUntil);
            } else {
                log.info("Keycloak circuit {}", to);
            }
        });
    }

    /** What came of one provisioning attempt. */
    sealed interface Outcome {
    }

    record Provisioned(String keycloakUserId) implements Outcome {
    }

    /** Keycloak failed (counted by the breaker); the caller retries with its backoff. */
    record Failed(RuntimeException cause) implements Outcome {
    }

    /** No call was made: the breaker is open (or its one trial call is running elsewhere). */
    record CircuitOpen(Instant nextTrialAt) implements Outcome {
    }

    /** The user name belongs to another application: ops must look, retrying cannot help. */
    record Clash(String message) implements Outcome {
    }

    Outcome provision(NewUnionAccount account) {
        try {
            return new Provisioned(breaker.executeSupplier(() -> accounts.provision(account)));
        } catch (CallNotPermittedException open) {
            return new CircuitOpen(nextTrialAt());
        } catch (AccountClashException clash) {
            return new Clash(clash.getMessage());
        } catch (RuntimeException e) {
            return new Failed(e);
        }
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }

    private Instant nextTrialAt() {
        Instant now = clock.instant();
        Instant until = openUntil;
        return breaker.getState() == CircuitBreaker.State.OPEN && until.isAfter(now) ? until
                : now.plus(HALF_OPEN_RECHECK);
    }
}
