package tw.laborcloud.document.verification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import tw.laborcloud.document.upload.ClaimOutcome;
import tw.laborcloud.document.upload.DocumentKind;
import tw.laborcloud.document.upload.Uploads;
import tw.laborcloud.events.document.DocumentsVerified;
import tw.laborcloud.events.document.DocumentsVerified.VerifiedDocument;
import tw.laborcloud.events.registration.RegistrationSubmitted;
import tw.laborcloud.events.registration.RegistrationSubmitted.SubmittedDocument;
import tw.laborcloud.platform.outbox.Outbox;
import tw.laborcloud.platform.outbox.OutboxRelay;

/**
 * Verifies the documents of a submitted registration: claims each upload for the
 * application, checks it, and records the result with its DocumentsVerified event in one
 * insert. Safe to run twice for the same application: claims by the same application
 * succeed again, and the insert of a second result fails on its key.
 */
@Service
public class RegistrationVerification {

    public static final String COLLECTION = "verifications";

    private static final Logger log = LoggerFactory.getLogger(RegistrationVerification.class);

    private final Uploads uploads;
    private final DocumentVerifier verifier;
    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;

    RegistrationVerification(Uploads uploads, DocumentVerifier verifier, MongoTemplate mongo, Outbox outbox,
            OutboxRelay relay, Clock clock) {
        this.uploads = uploads;
        this.verifier = verifier;
        this.mongo = mongo;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    public void verify(RegistrationSubmitted submitted) {
        String applicationId = submitted.applicationId();
        if (mongo.exists(Query.query(Criteria.where("_id").is(applicationId)), Verification.class)) {
            log.info("documents of {} already verified; event {} ignored", applicationId, submitted.eventId());
            return;
        }
        Instant now = clock.instant();
        List<VerifiedDocument> documents = new ArrayList<>();
        for (SubmittedDocument ref : submitted.documents()) {
            documents.add(ref.uploadId() == null || ref.uploadId().isBlank()
                    ? DocumentVerifier.unavailable(ref, Finding.UPLOAD_MISSING)
                    : verifier.verify(ref, uploads.claim(ref.uploadId(), applicationId, now)));
        }
        if (submitted.documents().stream().noneMatch(d -> DocumentKind.CHARTER.name().equals(d.kind()))) {
            // the charter is the one document the form requires; its absence must not pass
            documents.add(DocumentVerifier.unavailable(new SubmittedDocument(DocumentKind.CHARTER.name(), null),
                    Finding.DOCUMENT_NOT_SUBMITTED));
        }
        DocumentsVerified verified = DocumentsVerified.of(applicationId, submitted.correlationId(),
                markDuplicates(documents));
        Verification verification = new Verification(applicationId, submitted.eventId(), verified.documents(),
                verified.verdict(), now, List.of(outbox.pending(verified)));
        try {
            mongo.insert(verification);
        } catch (DuplicateKeyException alreadyVerified) {
            log.info("documents of {} were verified concurrently; event {} ignored", applicationId,
                    submitted.eventId());
            return;
        }
        log.info("documents of {} verified: {}", applicationId, verified.verdict());
        relay.publishSoon(COLLECTION, applicationId);
    }

    /** The same content filed more than once (e.g. the union seal also sent as the charter scan). */
    static List<VerifiedDocument> markDuplicates(List<VerifiedDocument> documents) {
        Map<String, Long> perHash = documents.stream()
                .filter(d -> d.sha256() != null)
                .collect(Collectors.groupingBy(VerifiedDocument::sha256, Collectors.counting()));
        return documents.stream()
                .map(d -> d.sha256() == null || perHash.get(d.sha256()) < 2 ? d : withFinding(d, Finding.DUPLICATE_FILE))
                .toList();
    }

    private static VerifiedDocument withFinding(VerifiedDocument d, Finding finding) {
        List<String> findings = new ArrayList<>(d.findings());
        findings.add(finding.name());
        return new VerifiedDocument(d.kind(), d.uploadId(), d.contentType(), d.size(), d.pages(), d.sha256(),
                findings);
    }
}
