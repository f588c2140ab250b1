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

import tw.laborcloud.events.registration.DocumentKinds;

/**
 * Accepts an applicant's file: counts, hashes and types it from a temporary copy, refuses
 * what can never be right (empty, too large, a type the kind does not take, an image
 * claiming more pixels than the service decodes, a file that is also another format), and
 * stores it only when every rule passes, so a refused upload leaves nothing behind.
 */
@Service
class UploadIntake {

    private static final Logger log = LoggerFactory.getLogger(UploadIntake.class);

    private final Uploads uploads;
    private final Clock clock;
    private final Duration stagedLifetime;
    private final Duration filingStagedLifetime;
    private final long maxImagePixels;

    UploadIntake(Uploads uploads, Clock clock,
            @Value("${laborcloud.documents.staged-lifetime:PT24H}") Duration stagedLifetime,
            @Value("${laborcloud.documents.filing-staged-lifetime:P30D}") Duration filingStagedLifetime,
            @Value("${laborcloud.documents.max-image-pixels:" + ImageHeader.DEFAULT_MAX_PIXELS + "}") long maxImagePixels) {
        this.uploads = uploads;
        this.clock = clock;
        this.stagedLifetime = stagedLifetime;
        this.filingStagedLifetime = filingStagedLifetime;
        this.maxImagePixels = maxImagePixels;
    }

    UploadReceipt accept(ReceivedUpload received) throws IOException {
        DocumentKind kind = DocumentKind.parse(received.kind()).orElseThrow(UploadRefusals::unknownKind);
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
        // milliseconds: what the store keeps, so the receipt and the record agree
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // a registration is filled in one sitting; a filing's draft may wait days for its submission
        Duration lifetime = DocumentKinds.knownFilingAttachment(kind.name()) ? filingStagedLifetime : stagedLifetime;
        Upload upload = uploads.stage(staged, kind, FileNames.sanitise(received.fileName()), detected, now,
                now.plus(lifetime));
        log.info("staged upload {} ({}, {}, {} bytes)", upload.id(), kind, detected, upload.size());
        return UploadReceipt.of(upload);
    }
}
