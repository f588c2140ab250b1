package tw.laborcloud.registration.inbound;

import java.time.Instant;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.query.Update;

import tw.laborcloud.events.document.DocumentsVerified;
import tw.laborcloud.events.review.ApplicationApproved;
import tw.laborcloud.events.review.ApplicationRejected;
import tw.laborcloud.events.review.FilingDecided;
import tw.laborcloud.events.review.SupplementRequested;
import tw.laborcloud.registration.account.AccountActivator;
import tw.laborcloud.registration.account.UnionAccounts;
import tw.laborcloud.platform.inbound.Inbound;
import tw.laborcloud.registration.registration.Registration;
import tw.laborcloud.registration.registration.Registrations;

/**
 * What other services tell the registration service. Each event sets only the facts it
 * carries, once; an event about an unknown application is an error (retried, then
 * dead-lettered) because this service created every application it can hear about.
 */
@Configuration
class EventHandlers {

    private static final Logger log = LoggerFactory.getLogger(EventHandlers.class);

    static final String DISSOLUTION = "DISSOLUTION";

    private final Registrations registrations;
    private final AccountActivator activator;

    EventHandlers(Registrations registrations, AccountActivator activator) {
        this.registrations = registrations;
        this.activator = activator;
    }

    /**
     * The result counts only for the document set it checked: a late result of a set the
     * applicant has replaced since (a supplement) must not mark the new set verified.
     */
    @Bean
    Consumer<DocumentsVerified> documentsVerified() {
        return Inbound.handler(e -> {
            requireKnown(e.applicationId());
            int round = e.round() == null ? 1 : e.round();
            Update update = new Update()
                    .set("documentsVerdict", e.verdict().name())
                    .set("documentsVerifiedAt", e.occurredAt());
            // a missing upload has no size or hash to tell; the facts of the others are kept for the submission copy
            Object[] files = e.documents().stream().filter(d -> d.sha256() != null)
                    .map(d -> new Registration.VerifiedFile(d.kind(), d.uploadId(), d.contentType(), d.size(),
                            d.sha256()))
                    .toArray();
            if (files.length > 0) {
                update.addToSet("verifiedFiles").each(files);
            }
            if (!registrations.applyToRound(e.applicationId(), e.eventId(), round, update)) {
                log.info("verification {} of round {} of {} not applied: seen before or the round was replaced",
                        e.eventId(), round, e.applicationId());
            }
        });
    }

    @Bean
    Consumer<ApplicationApproved> applicationApproved() {
        return Inbound.handler(e -> {
            apply(e.applicationId(), e.eventId(), new Update()
                    .set("decision", Registration.APPROVED)
                    .set("decidedAt", e.occurredAt())
                    .set("activation.attempts", 0)
                    .set("activation.nextAttemptAt", Instant.now()));
            // the account activator's next round takes it: now, not at its next poll
            activator.activateSoon();
        });
    }

    @Bean
    Consumer<SupplementRequested> supplementRequested() {
        return Inbound.handler(e -> apply(e.applicationId(), e.eventId(), new Update()
                .set("supplementRequestedAt", e.occurredAt())
                .set("supplementDocuments", e.documents())
                .set("supplementNote", e.note())));
    }

    @Bean
    Consumer<ApplicationRejected> applicationRejected() {
        return Inbound.handler(e -> apply(e.applicationId(), e.eventId(), new Update()
                .set("decision", Registration.REJECTED)
                .set("decisionReason", e.reason())
                .set("decidedAt", e.occurredAt())
                // a rejected application frees its certificate number for a new application
                .set("activeCertificateNo", e.certificateNo() + ":rejected:" + e.applicationId())));
    }

    /**
     * An accepted dissolution closes the union's login (disabled, not deleted: its history
     * stays). Keycloak being down fails the event, which is retried and then dead-lettered
     * for ops to replay; closing twice is harmless.
     */
    @Bean
    Consumer<FilingDecided> filingDecided(UnionAccounts accounts) {
        return Inbound.handler(e -> {
            if (DISSOLUTION.equals(e.filingType()) && e.outcome() == FilingDecided.Outcome.ACCEPTED) {
                boolean closed = accounts.close(e.certificateNo());
                log.info("dissolution {} of union {} accepted: account {}", e.applicationId(), e.unionId(),
                        closed ? "closed" : "was closed already");
            }
        });
    }

    private void apply(String applicationId, String eventId, Update update) {
        requireKnown(applicationId);
        registrations.applyOnce(applicationId, eventId, update);
    }

    private void requireKnown(String applicationId) {
        if (registrations.find(applicationId).isEmpty()) {
            throw new Inbound.MalformedEventException("no registration " + applicationId);
        }
    }
}
