package tw.laborcloud.document.verification;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import tw.laborcloud.document.reading.CertificateReader;
import tw.laborcloud.document.upload.DocumentKind;
import tw.laborcloud.document.upload.Uploads;
import tw.laborcloud.events.document.DocumentsVerified;
import tw.laborcloud.events.document.DocumentsVerified.VerifiedDocument;
import tw.laborcloud.events.registration.DocumentsReplaced;
import tw.laborcloud.events.registration.RegistrationSubmitted;
import tw.laborcloud.events.registration.RegistrationSubmitted.SubmittedDocument;
import tw.laborcloud.platform.inbound.Inbound;
import tw.laborcloud.platform.outbox.Outbox;
import tw.laborcloud.platform.outbox.OutboxRelay;

/**
 * Verifies the documents of an application, round by round: round 1 when the registration
 * is submitted, round n when the applicant replaces documents after a supplement request
 * (the replaced kinds with their new uploads, the other kinds as in round n-1, all checked
 * together). Each round claims its uploads for the application, checks them, and records
 * the result with its DocumentsVerified event in one insert keyed "applicationId#round":
 * a redelivered event finds its round done, and an earlier round never blocks a later one.
 * <p>
 * A replacement that arrives before the round it builds on is parked and taken up right
 * after that round is verified, instead of failing into the dead-letter topic: events on
 * different topics come in any order, and nothing about such a replacement is wrong.
 */
@Service
public class RegistrationVerification {

    public static final String COLLECTION = "verifications";
    public static final String PARKED = "parked_replacements";

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
        verifyRound(submitted.applicationId(), submitted.correlationId(), 1, submitted.eventId(),
                submitted.documents(), new CertificateReader.Form(submitted.certificateNo(), submitted.unionName()));
    }

    public void verify(DocumentsReplaced replaced) {
        if (replaced.round() < 2) {
            throw new Inbound.MalformedEventException("documents replaced in round " + replaced.round()
                    + " of " + replaced.applicationId() + ": replacements start at round 2");
        }
        String applicationId = replaced.applicationId();
        int round = replaced.round();
        if (find(applicationId, round).isPresent()) {
            log.info("round {} of {} already verified; event {} ignored", round, applicationId, replaced.eventId());
            resumeParked(applicationId, round + 1);
            return;
        }
        Optional<Verification> previous = find(applicationId, round - 1);
        if (previous.isEmpty()) {
            mongo.save(new ParkedReplacement(Verification.id(applicationId, round), replaced, clock.instant()));
            // the previous round may have been verified between the look and the park, and missed the park
            previous = find(applicationId, round - 1);
            if (previous.isEmpty()) {
                log.info("round {} of {} waits for round {} to be verified", round, applicationId, round - 1);
                return;
            }
        }
        verifyReplacement(previous.get(), replaced);
    }

    /** The latest verified result of an upload, if any round included it. */
    public Optional<VerifiedUpload> latestFor(String uploadId) {
        Query latest = query(where("documents.uploadId").is(uploadId)).with(Sort.by(Sort.Direction.DESC, "round"))
                .limit(1);
        return Optional.ofNullable(mongo.findOne(latest, Verification.class))
                .flatMap(v -> v.documents().stream().filter(d -> uploadId.equals(d.uploadId())).findFirst()
                        .map(d -> new VerifiedUpload(v.applicationId(), v.round(), v.verdict(), d)));
    }

    private void verifyReplacement(Verification previous, DocumentsReplaced replaced) {
        Set<String> replacedKinds = replaced.documents().stream().map(SubmittedDocument::kind)
                .collect(Collectors.toSet());
        List<SubmittedDocument> documents = new ArrayList<>(previous.submitted().stream()
                .filter(d -> !replacedKinds.contains(d.kind())).toList());
        documents.addAll(replaced.documents());
        verifyRound(replaced.applicationId(), replaced.correlationId(), replaced.round(), replaced.eventId(),
                documents, previous.form());
    }

    private void verifyRound(String applicationId, String correlationId, int round, String eventId,
            List<SubmittedDocument> submitted, CertificateReader.Form form) {
        String id = Verification.id(applicationId, round);
        if (mongo.exists(query(where("_id").is(id)), Verification.class)) {
            log.info("round {} of {} already verified; event {} ignored", round, applicationId, eventId);
        } else {
            insert(id, applicationId, correlationId, round, eventId, submitted, form);
        }
        mongo.remove(query(where("_id").is(id)), PARKED);
        resumeParked(applicationId, round + 1);
    }

    private void insert(String id, String applicationId, String correlationId, int round, String eventId,
            List<SubmittedDocument> submitted, CertificateReader.Form form) {
        Instant now = clock.instant();
        List<VerifiedDocument> documents = new ArrayList<>();
        for (SubmittedDocument ref : submitted) {
            documents.add(ref.uploadId() == null || ref.uploadId().isBlank()
                    ? DocumentVerifier.unavailable(ref, Finding.UPLOAD_MISSING)
                    : verifier.verify(ref, uploads.claim(ref.uploadId(), applicationId, now), form));
        }
        if (submitted.stream().noneMatch(d -> DocumentKind.CHARTER.name().equals(d.kind()))) {
            // the charter is the one document the form requires; its absence must not pass
            documents.add(DocumentVerifier.unavailable(new SubmittedDocument(DocumentKind.CHARTER.name(), null),
                    Finding.DOCUMENT_NOT_SUBMITTED));
        }
        DocumentsVerified verified = DocumentsVerified.of(applicationId, correlationId, round,
                markDuplicates(documents));
        Verification verification = new Verification(id, applicationId, round, eventId, List.copyOf(submitted),
                form, verified.documents(), verified.verdict(), now, List.of(outbox.pending(verified)));
        try {
            mongo.insert(verification);
        } catch (DuplicateKeyException alreadyVerified) {
            log.info("round {} of {} was verified concurrently; event {} ignored", round, applicationId, eventId);
            return;
        }
        log.info("documents of {} verified (round {}): {}", applicationId, round, verified.verdict());
        relay.publishSoon(COLLECTION, id);
    }

    /** Takes up the replacement parked for {@code round}, now that the round before it is verified. */
    private void resumeParked(String applicationId, int round) {
        ParkedReplacement parked = mongo.findById(Verification.id(applicationId, round), ParkedReplacement.class);
        if (parked == null) {
            return;
        }
        find(applicationId, round - 1).ifPresent(previous -> {
            log.info("taking up round {} of {}, parked since {}", round, applicationId, parked.parkedAt());
            verifyReplacement(previous, parked.event());
        });
    }

    private Optional<Verification> find(String applicationId, int round) {
        return Optional.ofNullable(mongo.findById(Verification.id(applicationId, round), Verification.class));
    }

    /** The same content filed more than once (e.g. the union seal also sent as the charter scan). */
    static List<VerifiedDocument> markDuplicates(List<VerifiedDocument> documents) {
        Map<String, Long> perHash = documents.stream()
                .filter(d -> d.sha256() != null)
                .collect(Collectors.groupingBy(VerifiedDocument::sha256, Collectors.counting()));
        return documents.stream()
                .map(d -> d.sha256() == null || perHash.get(d.sha256()) < 2 ? d
                        : d.withFinding(Finding.DUPLICATE_FILE.name()))
                .toList();
    }
}
