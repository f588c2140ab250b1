package tw.laborcloud.document.verification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import tw.laborcloud.events.document.DocumentsVerified.Verdict;
import tw.laborcloud.events.document.DocumentsVerified.VerifiedDocument;
import tw.laborcloud.platform.outbox.PendingEvent;

/**
 * The result of checking an application's documents, one per application. Written once,
 * together with its DocumentsVerified event (the outbox), in a single insert.
 */
@Document(RegistrationVerification.COLLECTION)
record Verification(
        @Id String applicationId,
        String registrationEventId,
        List<VerifiedDocument> documents,
        Verdict verdict,
        Instant verifiedAt,
        List<PendingEvent> pendingEvents) {
}
