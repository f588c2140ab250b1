package tw.laborcloud.registration.account;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import tw.laborcloud.events.registration.AccountActivated;
import tw.laborcloud.platform.outbox.Outbox;
import tw.laborcloud.platform.outbox.OutboxRelay;
import tw.laborcloud.platform.web.CorrelationIds;
import tw.laborcloud.registration.account.ProvisioningCircuit.CircuitOpen;
import tw.laborcloud.registration.account.ProvisioningCircuit.Clash;
import tw.laborcloud.registration.account.ProvisioningCircuit.Failed;
import tw.laborcloud.registration.account.ProvisioningCircuit.Provisioned;
import tw.laborcloud.registration.registration.Registration;
import tw.laborcloud.registration.registration.Registrations;

/**
 * Opens the accounts of approved applications, apart from the Kafka consumer and on its own
 * thread, so that an unavailable or slow Keycloak delays activations only: event handling,
 * the outbox sweep and the captcha cleanup go on. A failed attempt is retried with
 * exponential backoff; while the Keycloak circuit is open no attempt is made at all (the
 * registration records when the next trial is due). Success records AccountActivated in the
 * same write that marks the registration activated.
 * <p>
 * With several instances of the service, a round runs on one instance at a time (lock {@value #LOCK}):
 * two rounds at once would both pick the same due registrations and provision each account twice. An
 * approval asks for a round at once ({@link #activateSoon}); the poll catches retries and whatever a
 * restart left due.
 */
@Component
public class AccountActivator implements SmartLifecycle {

    static final String CIRCUIT_OPEN = "Keycloak unavailable, circuit open";
    static final String CLASH_METRIC = "laborcloud.activation.clash";
    static final String LOCK = "registration.account-activation";

    private static final Logger log = LoggerFactory.getLogger(AccountActivator.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration MAX_RETRY = Duration.ofMinutes(5);
    private static final int BATCH = 20;
    /**
     * Longer than a round (at most {@value #BATCH} attempts, each bounded by the Keycloak client's
     * timeouts; the circuit opens after a few failed or slow calls), and short, because an instance
     * killed mid-round leaves the lock held this long and every activation waits. Should a round ever
     * outlast it, a second one may overlap: that costs a second provisioning call for the same
     * application, which finds its own user (same application attribute) and changes nothing.
     */
    private static final Duration ROUND_AT_MOST = Duration.ofMinutes(1);

    private final Registrations registrations;
    private final ProvisioningCircuit keycloak;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Duration pollInterval;
    private final Counter clashes;
    private final LockingTaskExecutor locks;
    private ScheduledExecutorService thread;

    AccountActivator(Registrations registrations, ProvisioningCircuit keycloak, Outbox outbox, OutboxRelay relay,
            @Value("${laborcloud.activation.poll-interval:PT2S}") Duration pollInterval, MeterRegistry meters,
            LockingTaskExecutor locks) {
        this.registrations = registrations;
        this.keycloak = keycloak;
        this.outbox = outbox;
        this.relay = relay;
        this.pollInterval = pollInterval;
        this.locks = locks;
        this.clashes = Counter.builder(CLASH_METRIC)
                .description("Approved applications whose login name belongs to another application's Keycloak user")
                .register(meters);
    }

    public void activateDue() {
        for (Registration r : registrations.dueForActivation(Instant.now(), BATCH)) {
            MDC.put(CorrelationIds.MDC_KEY, r.correlationId() == null ? "" : r.correlationId());
            try {
                activate(r);
            } catch (RuntimeException e) {
                // e.g. the store is unreachable: the registration stays due, the next round retries
                log.warn("activation round stopped at {}: {}", r.applicationId(), e.toString());
                return;
            } finally {
                MDC.remove(CorrelationIds.MDC_KEY);
            }
        }
    }

    void activate(Registration r) {
        // the union is identified by its certificate number, which is also its login name
        String unionId = r.certificateNo();
        UnionAccounts.NewUnionAccount account = new UnionAccounts.NewUnionAccount(r.applicationId(), unionId,
                r.certificateNo(), r.contactEmail(), r.unionName(), r.passwordHash());
        switch (keycloak.provision(account)) {
            case Provisioned(String userId) -> {
                AccountActivated event = AccountActivated.of(r.applicationId(), r.correlationId(), unionId,
                        r.certificateNo(), r.certificateNo(), r.unionName(), r.contactEmail(), r.details());
                if (registrations.markActivated(r.applicationId(), userId, Instant.now(), outbox.pending(event))) {
                    log.info("account of {} activated as Keycloak user {}", r.applicationId(), userId);
                    relay.publishSoon(Registrations.COLLECTION, r.applicationId());
                }
            }
            case CircuitOpen(Instant nextTrialAt) -> {
                // no call was made, so this is no attempt of the application's own
                log.debug("activation of {} waits until {}: {}", r.applicationId(), nextTrialAt, CIRCUIT_OPEN);
                registrations.recordActivationFailure(r.applicationId(), attempts(r), nextTrialAt, CIRCUIT_OPEN);
            }
            case Clash(String message) -> {
                clashes.increment();
                log.error("ALERT account clash for application {}: {}; an operator must resolve it (looked at again in {})",
                        r.applicationId(), message, MAX_RETRY);
                retryLater(r, "AccountClashException: " + message, MAX_RETRY);
            }
            case Failed(RuntimeException e) -> {
                Duration wait = backoff(attempts(r) + 1);
                log.warn("activation of {} failed (attempt {}), retrying in {}: {}", r.applicationId(),
                        attempts(r) + 1, wait, e.toString());
                retryLater(r, e.getClass().getSimpleName() + ": " + e.getMessage(), wait);
            }
        }
    }

    private void retryLater(Registration r, String error, Duration wait) {
        registrations.recordActivationFailure(r.applicationId(), attempts(r) + 1, Instant.now().plus(wait), error);
    }

    private static int attempts(Registration r) {
        return r.activation() == null ? 0 : r.activation().attempts();
    }

    static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
    }

    @Override
    public synchronized void start() {
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "account-activator");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::activateRound, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * A round now, on the activator's thread, rather than at the next poll: an application was just approved. The
     * union's activation mail then leaves about as soon as Keycloak has its user, instead of up to a poll interval
     * (and a round's lock) later (docs/benchmarks.md, P2). The poll stays for retries and for what a restart left.
     */
    public synchronized void activateSoon() {
        if (thread != null && !thread.isShutdown()) {
            try {
                thread.execute(this::activateRound);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // the service is stopping: the next start's poll activates it
            }
        }
    }

    private void activateRound() {
        try {
            // held only while the round runs: two rounds never overlap (they would provision the same account
            // twice), and a round asked for by an approval need not wait out the previous round's period
            locks.executeWithLock((Runnable) this::activateDue, new LockConfiguration(Instant.now(), LOCK,
                    ROUND_AT_MOST.compareTo(pollInterval) > 0 ? ROUND_AT_MOST : pollInterval, Duration.ZERO));
        } catch (RuntimeException e) {
            // a thrown exception would end a fixed-delay schedule for good
            log.warn("activation round failed, the next one retries: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (thread != null) {
            thread.shutdown();
            try {
                thread.awaitTermination(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }
}
