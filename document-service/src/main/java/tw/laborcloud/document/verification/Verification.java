package tw.laborcloud.document.verification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import tw.laborcloud.document.reading.CertificateReader;
import tw.laborcloud.events.document.DocumentsVerified.Verdict;
import tw.laborcloud.events.document.DocumentsVerified.VerifiedDocument;
import tw.laborcloud.events.registration.RegistrationSubmitted.SubmittedDocument;
import tw.laborcloud.platform.outbox.PendingEvent;

/**
 * The result of checking one round of an application's documents (1 = the registration's,
 * 2.. = after each supplement), keyed "applicationId#round". Written once, together with
 * its DocumentsVerified event (the outbox), in a single insert. {@code submitted} is the
 * document set of the round, from which the next round's set is made; {@code form} the form's
 * values the certificate is compared with (null in rounds verified before certificates were read).
 */
@Document(RegistrationVerification.COLLECTION)
record Verification(
        @Id String id,
        String applicationId,
        int round,
        String eventId,
        List<SubmittedDocument> submitted,
        CertificateReader.Form form,
        List<VerifiedDocument> documents,
        Verdict verdict,
        Instant verifiedAt,
        List<PendingEvent> pendingEvents) {

    static String id(String applicationId, int round) {
        return applicationId + "#" + round;
    }
}
