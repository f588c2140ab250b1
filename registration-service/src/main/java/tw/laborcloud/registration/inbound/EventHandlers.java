package tw.laborcloud.registration.inbound;

import java.time.Instant;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.query.Update;

import tw.laborcloud.events.document.DocumentsVerified;
import tw.laborcloud.events.review.ApplicationApproved;
import tw.laborcloud.events.review.ApplicationRejected;
import tw.laborcloud.events.review.SupplementRequested;
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

    private final Registrations registrations;

    EventHandlers(Registrations registrations) {
        this.registrations = registrations;
    }

    @Bean
    Consumer<DocumentsVerified> documentsVerified() {
        return Inbound.handler(e -> apply(e.applicationId(), e.eventId(), new Update()
                .set("documentsVerdict", e.verdict().name())
                .set("documentsVerifiedAt", e.occurredAt())));
    }

    @Bean
    Consumer<ApplicationApproved> applicationApproved() {
        return Inbound.handler(e -> apply(e.applicationId(), e.eventId(), new Update()
                .set("decision", Registration.APPROVED)
                .set("decidedAt", e.occurredAt())
                // the account activator picks it up at once
                .set("activation.attempts", 0)
                .set("activation.nextAttemptAt", Instant.now())));
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

    private void apply(String applicationId, String eventId, Update update) {
        if (registrations.find(applicationId).isEmpty()) {
            throw new Inbound.MalformedEventException("no registration " + applicationId);
        }
        registrations.applyOnce(applicationId, eventId, update);
    }
}
