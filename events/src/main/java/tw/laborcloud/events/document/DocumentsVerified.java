package tw.laborcloud.events.document;

import java.time.Instant;
import java.util.List;

import tw.laborcloud.events.DomainEvent;
import tw.laborcloud.events.EventIds;

/** The document service checked every document an application refers to. */
public record DocumentsVerified(
        String eventId,
        Instant occurredAt,
        String applicationId,
        String correlationId,
        int schemaVersion,
        Verdict verdict,
        List<VerifiedDocument> documents,
        Integer round) implements DomainEvent {

    /**
     * 2 added {@code round}: 1 for the documents of the registration, 2.. for each supplement (null in version 1 = 1);
     * 3 added {@code VerifiedDocument.sealImprint}; 4 added {@code VerifiedDocument.certificateReading}.
     */
    public static final int SCHEMA_VERSION = 4;

    public DocumentsVerified {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    public static DocumentsVerified of(String applicationId, String correlationId, List<VerifiedDocument> documents) {
        return of(applicationId, correlationId, 1, documents);
    }

    public static DocumentsVerified of(String applicationId, String correlationId, int round,
            List<VerifiedDocument> documents) {
        Verdict verdict = documents.stream().allMatch(d -> d.findings().isEmpty()) ? Verdict.PASSED : Verdict.NEEDS_ATTENTION;
        return new DocumentsVerified(EventIds.next(), Instant.now(), applicationId, correlationId, SCHEMA_VERSION,
                verdict, documents, round);
    }

    public enum Verdict {
        /** Every document is present, of an allowed type and without findings. */
        PASSED,
        /** At least one finding an officer must look at. */
        NEEDS_ATTENTION
    }

    /**
     * One document's result. {@code findings} are named codes such as
     * {@code UPLOAD_MISSING} or {@code PDF_ENCRYPTED}; empty means no finding.
     * {@code sealImprint} (union seals only, null otherwise or when the image shows no ink) is
     * the seal's normalised ink map ({@code SealSimilarity.imprint} in seal/), so that the
     * review service can compare it with the registered seal without fetching the file.
     * {@code certificateReading} (the registration certificate only, null otherwise and before version 4) is what
     * was read on the certificate and how it compares with the form.
     */
    public record VerifiedDocument(String kind, String uploadId, String contentType, long size, Integer pages,
            String sha256, List<String> findings, String sealImprint, CertificateReading certificateReading) {

        public VerifiedDocument {
            findings = findings == null ? List.of() : List.copyOf(findings);
        }

        public VerifiedDocument(String kind, String uploadId, String contentType, long size, Integer pages,
                String sha256, List<String> findings) {
            this(kind, uploadId, contentType, size, pages, sha256, findings, null, null);
        }

        public VerifiedDocument withSealImprint(String imprint) {
            return new VerifiedDocument(kind, uploadId, contentType, size, pages, sha256, findings, imprint,
                    certificateReading);
        }

        public VerifiedDocument withCertificateReading(CertificateReading reading) {
            return new VerifiedDocument(kind, uploadId, contentType, size, pages, sha256, findings, sealImprint,
                    reading);
        }

        /** The same document with one more finding. */
        public VerifiedDocument withFinding(String finding) {
            List<String> more = new java.util.ArrayList<>(findings);
            more.add(finding);
            return new VerifiedDocument(kind, uploadId, contentType, size, pages, sha256, more, sealImprint,
                    certificateReading);
        }
    }
}
