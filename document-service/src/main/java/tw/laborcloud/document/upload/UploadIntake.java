package tw.laborcloud.document.upload;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import tw.laborcloud.document.verification.ContentChecks;
import tw.laborcloud.document.verification.DocumentWork;
import tw.laborcloud.document.verification.Finding;
import tw.laborcloud.events.registration.DocumentKinds;
import tw.laborcloud.platform.uploads.UploadTickets;

/**
 * Accepts an applicant's file: counts, hashes and types it from a temporary copy, refuses
 * what can never be right (empty, too large, a type the kind does not take, an image
 * claiming more pixels than the service decodes, a file that is also another format, and
 * what the verification's own content checks find unusable: a cut-off or locked PDF, one
 * without pages, an image whose data stops early), and stores it only when every rule
 * passes, so a refused upload leaves nothing behind. The receipt carries the upload's
 * ticket ({@link UploadTickets}), by which the services it is sent to know it.
 */
@Service
class UploadIntake {

    private static final Logger log = LoggerFactory.getLogger(UploadIntake.class);

    private final Uploads uploads;
    private final ContentChecks checks;
    private final DocumentWork work;
    private final UploadTickets tickets;
    private final Clock clock;
    private final Duration stagedLifetime;
    private final Duration filingStagedLifetime;
    private final long maxImagePixels;

    UploadIntake(Uploads uploads, ContentChecks checks, DocumentWork work, UploadTickets tickets, Clock clock,
            @Value("${laborcloud.documents.staged-lifetime:PT24H}") Duration stagedLifetime,
            @Value("${laborcloud.documents.filing-staged-lifetime:P30D}") Duration filingStagedLifetime,
            @Value("${laborcloud.documents.max-image-pixels:" + ImageHeader.DEFAULT_MAX_PIXELS + "}") long maxImagePixels) {
        this.uploads = uploads;
        this.checks = checks;
        this.work = work;
        this.tickets = tickets;
        this.clock = clock;
        this.stagedLifetime = stagedLifetime;
        this.filingStagedLifetime = filingStagedLifetime;
        this.maxImagePixels = maxImagePixels;
    }

    /** @param owner the union whose token came with the upload, null for an applicant without an account */
    UploadReceipt accept(ReceivedUpload received, String owner) throws IOException {
        DocumentKind kind = DocumentKind.parse(received.kind()).orElseThrow(UploadRefusals::unknownKind);
        if (owner == null && DocumentKinds.knownFilingAttachment(kind.name())) {
            throw UploadRefusals.unionLoginRequired(kind);
        }
        StagedFile staged = received.file();
        if (staged == null || staged.size() == 0) {
            throw UploadRefusals.empty();
        }
        String detected = ContentTypes.detect(staged.path());
        if (!kind.allows(detected)) {
            log.info("refused {} upload: content is {}, declared {}", kind, detected, received.declaredType());
            throw UploadRefusals.typeNotAllowed(kind, detected);
        }
        if (ContentTypes.isImage(detected)) {
            // an unreadable header is not refused here: the verification reports it for an officer
            Optional<ImageHeader> header = ImageHeader.read(staged.path()).filter(h -> h.exceeds(maxImagePixels));
            if (header.isPresent()) {
                log.info("refused {} upload: image header claims {} x {}", kind, header.get().width(),
                        header.get().height());
                throw UploadRefusals.imageTooLarge(header.get(), maxImagePixels);
            }
        }
        Optional<String> otherFormat = Polyglots.secondFormat(staged.path(), detected);
        if (otherFormat.isPresent()) {
            log.info("refused {} upload: {} that is also {}", kind, detected, otherFormat.get());
            throw UploadRefusals.polyglot(otherFormat.get());
        }
        Optional<Finding> unusable = unusable(staged, kind, detected);
        if (unusable.isPresent()) {
            log.info("refused {} upload: {} with {}", kind, detected, unusable.get());
            throw UploadRefusals.unusable(unusable.get());
        }
        // milliseconds: what the store keeps, so the receipt and the record agree
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // a registration is filled in one sitting; a filing's draft may wait days for its submission
        Duration lifetime = DocumentKinds.knownFilingAttachment(kind.name()) ? filingStagedLifetime : stagedLifetime;
        Upload upload = uploads.stage(staged, kind, FileNames.sanitise(received.fileName()), detected, now,
                now.plus(lifetime));
        log.info("staged upload {} ({}, {}, {} bytes{})", upload.id(), kind, detected, upload.size(),
                owner == null ? "" : ", union " + owner);
        // the ticket vouches for the stored file's size, hash and sanitised name (the submission copy prints them)
        return UploadReceipt.of(upload, tickets.issue(upload.id(), kind.name(), upload.expiresAt(), owner,
                new UploadTickets.UploadedFile(upload.size(), upload.sha256(), upload.originalName())));
    }

    /**
     * The first finding of the content checks that makes the file unusable. Checks that run
     * over the time limit refuse nothing: the verification runs them again and reports it.
     */
    private Optional<Finding> unusable(StagedFile staged, DocumentKind kind, String detected) {
        try {
            return work.run(() -> checks.run(staged.path(), detected)).findings().stream().filter(Finding::unusable)
                    .findFirst();
        } catch (DocumentWork.TimedOut e) {
            log.warn("checks of a new {} upload ({}) took longer than {}; accepted, the verification reports it",
                    kind, detected, work.timeout());
            return Optional.empty();
        }
    }
}
