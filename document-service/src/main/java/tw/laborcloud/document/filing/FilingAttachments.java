package tw.laborcloud.document.filing;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import tw.laborcloud.document.access.Owners;
import tw.laborcloud.document.upload.ClaimOutcome;
import tw.laborcloud.document.upload.Uploads;
import tw.laborcloud.events.affairs.FilingSubmitted;
import tw.laborcloud.events.registration.RegistrationSubmitted.SubmittedDocument;
import tw.laborcloud.platform.inbound.Inbound.MalformedEventException;

/**
 * Keeps the attachments of a union-affairs filing: on each submission (round 1, 2, ...) the
 * filing claims its uploads, so staged ones no longer expire, and the union that filed it is
 * recorded as their owner, so the union reads its own attachments and officers read all, as
 * for registrations. Filings are not verified like registrations (no DocumentsVerified: its
 * consumers take it for a registration's documents); an attachment that cannot be claimed is
 * logged for the officer who reviews the filing and reads its attachments.
 * Both writes are idempotent (the owner per event, the claim per filing), so a redelivered
 * event, or a crash between them, is harmless.
 */
@Service
public class FilingAttachments {

    private static final Logger log = LoggerFactory.getLogger(FilingAttachments.class);

    private final Uploads uploads;
    private final Owners owners;
    private final Clock clock;

    FilingAttachments(Uploads uploads, Owners owners, Clock clock) {
        this.uploads = uploads;
        this.owners = owners;
        this.clock = clock;
    }

    public void keep(FilingSubmitted submitted) {
        if (submitted.unionId() == null || submitted.unionId().isBlank()) {
            throw new MalformedEventException("FilingSubmitted " + submitted.eventId() + " without unionId");
        }
        Instant now = clock.instant();
        owners.filed(submitted.applicationId(), submitted.unionId(), submitted.eventId(), now);
        for (SubmittedDocument attachment : submitted.attachments()) {
            if (attachment.uploadId() == null || attachment.uploadId().isBlank()) {
                log.warn("filing {} round {}: {} without an upload", submitted.applicationId(), submitted.round(),
                        attachment.kind());
                continue;
            }
            ClaimOutcome outcome = uploads.claim(attachment.uploadId(), submitted.applicationId(), now);
            switch (outcome) {
                case ClaimOutcome.Claimed claimed -> log.info("filing {} round {} keeps {} {}",
                        submitted.applicationId(), submitted.round(), attachment.kind(), attachment.uploadId());
                case ClaimOutcome.Missing missing -> log.warn("filing {} round {}: {} {} does not exist (expired?)",
                        submitted.applicationId(), submitted.round(), attachment.kind(), attachment.uploadId());
                case ClaimOutcome.Expired expired -> log.warn("filing {} round {}: {} {} expired before submission",
                        submitted.applicationId(), submitted.round(), attachment.kind(), attachment.uploadId());
                case ClaimOutcome.ClaimedByOther other -> log.warn(
                        "filing {} round {}: {} {} belongs to {} and stays there", submitted.applicationId(),
                        submitted.round(), attachment.kind(), attachment.uploadId(), other.upload().applicationId());
            }
        }
    }
}
