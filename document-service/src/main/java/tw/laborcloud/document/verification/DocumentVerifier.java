package tw.laborcloud.document.verification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.stereotype.Component;

import tw.laborcloud.document.preview.PreviewRenderer;
import tw.laborcloud.document.reading.CertificateReader;
import tw.laborcloud.document.upload.ClaimOutcome;
import tw.laborcloud.document.upload.DocumentKind;
import tw.laborcloud.document.upload.StagedFile;
import tw.laborcloud.document.upload.Upload;
import tw.laborcloud.document.upload.Uploads;
import tw.laborcloud.events.document.CertificateReading;
import tw.laborcloud.events.document.DocumentsVerified.VerifiedDocument;
import tw.laborcloud.events.registration.RegistrationSubmitted.SubmittedDocument;
import tw.laborcloud.seal.SealSimilarity;

/**
 * Checks one document an application refers to, after the claim: what the claim found
 * (missing, expired, someone else's), whether the upload fits the kind it is filed under,
 * and what every applicable {@link ContentCheck} finds in its content. The content work
 * (checks, the seal's ink map) runs through {@link DocumentWork}: a document over the time
 * limit gets {@link Finding#CHECK_TIMED_OUT} and the verification goes on. The registration
 * certificate is also read and compared with the form ({@link CertificateReader}), within a time
 * limit of its own.
 */
@Component
class DocumentVerifier {

    private static final Logger log = LoggerFactory.getLogger(DocumentVerifier.class);

    private final Uploads uploads;
    private final ContentChecks checks;
    private final PreviewRenderer renderer;
    private final DocumentWork work;
    private final CertificateReader reader;

    DocumentVerifier(Uploads uploads, ContentChecks checks, PreviewRenderer renderer, DocumentWork work,
            CertificateReader reader) {
        this.uploads = uploads;
        this.checks = checks;
        this.renderer = renderer;
        this.work = work;
        this.reader = reader;
    }

    VerifiedDocument verify(SubmittedDocument ref, ClaimOutcome outcome, CertificateReader.Form form) {
        return switch (outcome) {
            case ClaimOutcome.Missing missing -> unavailable(ref, Finding.UPLOAD_MISSING);
            // say nothing about a file that belongs to another application
            case ClaimOutcome.ClaimedByOther other -> unavailable(ref, Finding.UPLOAD_CLAIMED_BY_OTHER_APPLICATION);
            case ClaimOutcome.Expired expired -> result(ref, expired.upload(), null, List.of(Finding.UPLOAD_EXPIRED));
            case ClaimOutcome.Claimed claimed -> inspect(ref, claimed.upload(), form);
        };
    }

    static VerifiedDocument unavailable(SubmittedDocument ref, Finding finding) {
        return new VerifiedDocument(ref.kind(), ref.uploadId(), null, 0, null, null, List.of(finding.name()));
    }

    private VerifiedDocument inspect(SubmittedDocument ref, Upload upload, CertificateReader.Form form) {
        List<Finding> findings = new ArrayList<>();
        Optional<DocumentKind> kind = DocumentKind.parse(ref.kind());
        if (kind.isEmpty()) {
            findings.add(Finding.KIND_UNKNOWN);
        } else {
            if (kind.get() != upload.kind()) {
                findings.add(Finding.UPLOAD_KIND_MISMATCH);
            }
            // checked again for the kind it is filed under, which may not be the kind it was uploaded as
            if (!kind.get().allows(upload.contentType())) {
                findings.add(Finding.FILE_TYPE_NOT_ALLOWED);
            }
        }
        Optional<GridFsResource> content = uploads.content(upload);
        if (content.isEmpty()) {
            log.warn("upload {} has a record but no content", upload.id());
            findings.add(Finding.UPLOAD_MISSING);
            return result(ref, upload, null, findings);
        }
        Inspected inspected;
        CertificateReading reading = null;
        try (InputStream in = content.get().getInputStream();
                StagedFile copy = StagedFile.copyOf(in, Long.MAX_VALUE)) {
            if (!copy.sha256().equals(upload.sha256())) {
                findings.add(Finding.CONTENT_CHANGED);
            }
            boolean imprintWanted = kind.orElse(null) == DocumentKind.UNION_SEAL && findings.isEmpty();
            // off the consumer thread and within the time limit: a slow document must not hold the partition
            inspected = work.run(() -> inspectContent(copy, upload, imprintWanted));
            if (kind.orElse(null) == DocumentKind.CERTIFICATE_SCAN && findings.isEmpty()
                    && inspected.checked().findings().stream().noneMatch(Finding::unusable)) {
                reading = read(copy, upload, form);
            }
        } catch (IOException e) {
            // the store failed, not the document: let the binder retry the event
            throw new UncheckedIOException("could not read upload " + upload.id(), e);
        } catch (DocumentWork.TimedOut e) {
            log.warn("checks of upload {} ({}) took longer than {}; left to the officer", upload.id(),
                    upload.contentType(), work.timeout());
            findings.add(Finding.CHECK_TIMED_OUT);
            return result(ref, upload, null, findings);
        }
        findings.addAll(inspected.checked().findings());
        if (reading != null) {
            findings.addAll(readingFindings(reading));
        }
        return result(ref, upload, inspected.checked().pages(), findings).withSealImprint(inspected.sealImprint())
                .withCertificateReading(reading);
    }

    /**
     * The certificate read and compared with the form, within its own time limit (a reading over it
     * is "not read", never a finding: the officer still has the page).
     */
    private CertificateReading read(StagedFile copy, Upload upload, CertificateReader.Form form) {
        if (!reader.available()) {
            return CertificateReading.notRead(CertificateReader.READER_UNAVAILABLE, 0);
        }
        long started = System.nanoTime();
        try {
            CertificateReading reading = work.run(() -> reader.read(copy.path(), upload.contentType(), form));
            log.info("certificate {} read in {} ms: number {}, name {}, issuer {}", upload.id(), reading.millis(),
                    reading.numberMatch(), reading.nameMatch(), reading.issuerMatch());
            return reading;
        } catch (DocumentWork.TimedOut e) {
            log.warn("reading certificate {} took longer than {}; left to the officer", upload.id(), work.timeout());
            return CertificateReading.notRead(CertificateReader.TIMED_OUT, (System.nanoTime() - started) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CertificateReading.notRead(CertificateReader.TIMED_OUT, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** What the reading flags for the officer: only what was read clearly and is not the form's. */
    static List<Finding> readingFindings(CertificateReading reading) {
        List<Finding> findings = new ArrayList<>();
        if (reading.numberMatch() == CertificateReading.Match.DIFFERENT) {
            findings.add(Finding.CERTIFICATE_NUMBER_DIFFERS);
        }
        if (reading.nameMatch() == CertificateReading.Match.DIFFERENT) {
            findings.add(Finding.CERTIFICATE_NAME_DIFFERS);
        }
        if (reading.issuerMatch() == CertificateReading.Match.DIFFERENT) {
            findings.add(Finding.CERTIFICATE_ISSUER_OTHER);
        }
        return findings;
    }

    /** What the content checks found and, for a clean union seal, its ink map. */
    private record Inspected(CheckResult checked, String sealImprint) {
    }

    private Inspected inspectContent(StagedFile copy, Upload upload, boolean imprintWanted) {
        CheckResult checked = checks.run(copy.path(), upload.contentType());
        return new Inspected(checked,
                imprintWanted && checked.findings().isEmpty() ? sealImprint(copy, upload) : null);
    }

    /** The seal's ink map for the review service's comparison with the registered seal; null without ink. */
    private String sealImprint(StagedFile copy, Upload upload) {
        try {
            return renderer.firstPage(copy.path(), upload.contentType()).map(SealSimilarity::imprint).orElse(null);
        } catch (IllegalArgumentException noInk) {
            log.info("union seal {} shows no ink to compare: {}", upload.id(), noInk.getMessage());
            return null;
        }
    }

    private static VerifiedDocument result(SubmittedDocument ref, Upload upload, Integer pages, List<Finding> findings) {
        return new VerifiedDocument(ref.kind(), upload.id(), upload.contentType(), upload.size(), pages,
                upload.sha256(), findings.stream().map(Finding::name).toList());
    }
}
