package tw.laborcloud.review.inbound;

import java.time.Instant;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.query.Update;

import tw.laborcloud.events.document.DocumentsVerified;
import tw.laborcloud.events.registration.ContactEmailConfirmed;
import tw.laborcloud.events.registration.DocumentKinds;
import tw.laborcloud.events.registration.DocumentsReplaced;
import tw.laborcloud.events.registration.RegistrationSubmitted;
import tw.laborcloud.platform.inbound.Inbound;
import tw.laborcloud.review.cases.Cases;
import tw.laborcloud.review.cases.ReviewCase;

/** Builds cases from events; each sets only what it knows, once, in whatever order they come. */
@Configuration
class EventHandlers {

    private final Cases cases;

    EventHandlers(Cases cases) {
        this.cases = cases;
    }

    @Bean
    Consumer<RegistrationSubmitted> registrationSubmitted() {
        return Inbound.handler(e -> cases.applyOnce(e.applicationId(), e.eventId(), new Update()
                .set("certificateNo", e.certificateNo())
                .set("unionName", e.unionName())
                .set("contactEmail", e.contactEmail())
                .set("details", e.details())
                .set("documents", e.documents())
                .set("submittedAt", e.occurredAt())
                .push("history", new ReviewCase.HistoryEntry(Instant.now(), "system", "REGISTRATION_RECEIVED",
                        null, null))));
    }

    @Bean
    Consumer<ContactEmailConfirmed> contactEmailConfirmed() {
        return Inbound.handler(e -> cases.applyOnce(e.applicationId(), e.eventId(), new Update()
                .set("contactEmailConfirmedAt", e.occurredAt())
                .push("history", new ReviewCase.HistoryEntry(Instant.now(), "system", "CONTACT_EMAIL_CONFIRMED",
                        null, null))));
    }

    @Bean
    Consumer<DocumentsVerified> documentsVerified() {
        return Inbound.handler(e -> cases.applyOnce(e.applicationId(), e.eventId(), new Update()
                // rounds of one application come in order (same topic, same key): the newest wins
                .set("verification", new ReviewCase.Verification(e.verdict(), e.documents(), e.occurredAt(),
                        e.round() == null ? 1 : e.round()))
                // a page showing the documents before this must not act on them
                .inc("revision", 1L)
                .push("history", new ReviewCase.HistoryEntry(Instant.now(), "system", "DOCUMENTS_VERIFIED",
                        "第 " + (e.round() == null ? 1 : e.round()) + " 次：" + e.verdict().name(), null))));
    }

    @Bean
    Consumer<DocumentsReplaced> documentsReplaced() {
        return Inbound.handler(e -> cases.applyOnce(e.applicationId(), e.eventId(), new Update()
                .set("documentsRound", e.round())
                .inc("revision", 1L)
                .push("replacements", new ReviewCase.Replacement(e.round(), e.documents(), e.occurredAt()))
                .push("history", new ReviewCase.HistoryEntry(Instant.now(), "system", "SUPPLEMENTS_RECEIVED",
                        e.documents().stream().map(d -> DocumentKinds.label(d.kind())).toList().toString(), null))));
    }
}
