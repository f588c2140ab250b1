package tw.laborcloud.registration.account;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tw.laborcloud.events.registration.AccountActivated;
import tw.laborcloud.platform.outbox.Outbox;
import tw.laborcloud.platform.outbox.OutboxRelay;
import tw.laborcloud.platform.web.CorrelationIds;
import tw.laborcloud.registration.registration.Registration;
import tw.laborcloud.registration.registration.Registrations;

/**
 * Opens the accounts of approved applications, apart from the Kafka consumer so that an
 * unavailable Keycloak delays activations without blocking other events. Failed attempts
 * are retried with exponential backoff; success records AccountActivated in the same
 * write that marks the registration activated.
 */
@Component
public class AccountActivator {

    private static final Logger log = LoggerFactory.getLogger(AccountActivator.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration MAX_RETRY = Duration.ofMinutes(5);

    private final Registrations registrations;
    private final UnionAccounts accounts;
    private final Outbox outbox;
    private final OutboxRelay relay;

    AccountActivator(Registrations registrations, UnionAccounts accounts, Outbox outbox, OutboxRelay relay) {
        this.registrations = registrations;
        this.accounts = accounts;
        this.outbox = outbox;
        this.relay = relay;
    }

    @Scheduled(fixedDelayString = "${laborcloud.activation.poll-interval:PT2S}")
    public void activateDue() {
        for (Registration r : registrations.dueForActivation(Instant.now(), 20)) {
            MDC.put(CorrelationIds.MDC_KEY, r.correlationId() == null ? "" : r.correlationId());
            try {
                activate(r);
            } finally {
                MDC.remove(CorrelationIds.MDC_KEY);
            }
        }
    }

    void activate(Registration r) {
        // the union is identified by its certificate number, which is also its login name
        String unionId = r.certificateNo();
        try {
            String userId = accounts.provision(new UnionAccounts.NewUnionAccount(r.applicationId(), unionId,
                    r.certificateNo(), r.contactEmail(), r.unionName(), r.passwordHash()));
            AccountActivated event = AccountActivated.of(r.applicationId(), r.correlationId(), unionId,
                    r.certificateNo(), r.certificateNo(), r.unionName(), r.contactEmail());
            if (registrations.markActivated(r.applicationId(), userId, Instant.now(), outbox.pending(event))) {
                log.info("account of {} activated as Keycloak user {}", r.applicationId(), userId);
                relay.publishSoon(Registrations.COLLECTION, r.applicationId());
            }
        } catch (UnionAccounts.AccountClashException clash) {
            log.error("ALERT account clash for {}: {}", r.applicationId(), clash.getMessage());
            retryLater(r, clash, MAX_RETRY);
        } catch (RuntimeException e) {
            int attempts = attempts(r) + 1;
            Duration wait = backoff(attempts);
            log.warn("activation of {} failed (attempt {}), retrying in {}: {}", r.applicationId(), attempts, wait,
                    e.toString());
            retryLater(r, e, wait);
        }
    }

    private void retryLater(Registration r, RuntimeException e, Duration wait) {
        registrations.recordActivationFailure(r.applicationId(), attempts(r) + 1, Instant.now().plus(wait),
                e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private static int attempts(Registration r) {
        return r.activation() == null ? 0 : r.activation().attempts();
    }

    static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
    }
}
