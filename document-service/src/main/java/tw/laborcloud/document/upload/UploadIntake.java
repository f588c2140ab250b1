package tw.laborcloud.document.upload;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Accepts an applicant's file: counts, hashes and types it from a temporary copy, and
 * stores it only when every rule passes, so a refused upload leaves nothing behind.
 */
@Service
class UploadIntake {

    private static final Logger log = LoggerFactory.getLogger(UploadIntake.class);

    private final Uploads uploads;
    private final Clock clock;
    private final Duration stagedLifetime;

    UploadIntake(Uploads uploads, Clock clock,
            @Value("${laborcloud.documents.staged-lifetime:PT24H}") Duration stagedLifetime) {
        this.uploads = uploads;
        this.clock = clock;
        this.stagedLifetime = stagedLifetime;
    }

    UploadReceipt accept(String kindName, MultipartFile file) throws IOException {
        DocumentKind kind = DocumentKind.parse(kindName).orElseThrow(UploadRefusals::unknownKind);
        if (file == null) {
            throw UploadRefusals.empty();
        }
        try (InputStream in = file.getInputStream(); StagedFile staged = StagedFile.copyOf(in, kind.maxBytes())) {
            if (staged.exceeded()) {
                throw UploadRefusals.tooLarge();
            }
            if (staged.size() == 0) {
                throw UploadRefusals.empty();
            }
            String detected = ContentTypes.detect(staged.path());
            if (!kind.allows(detected)) {
                log.info("refused {} upload: content is {}, declared {}", kind, detected, file.getContentType());
                throw UploadRefusals.typeNotAllowed(kind, detected);
            }
            // milliseconds: what the store keeps, so the receipt and the record agree
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Upload upload = uploads.stage(staged, kind, FileNames.sanitise(file.getOriginalFilename()), detected,
                    now, now.plus(stagedLifetime));
            log.info("staged upload {} ({}, {}, {} bytes)", upload.id(), kind, detected, upload.size());
            return UploadReceipt.of(upload);
        }
    }
}
