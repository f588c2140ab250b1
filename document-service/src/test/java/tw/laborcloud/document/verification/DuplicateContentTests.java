package tw.laborcloud.document.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tw.laborcloud.events.document.DocumentsVerified.VerifiedDocument;

class DuplicateContentTests {

    @Test
    void theSameContentUnderTwoKindsIsMarkedOnBoth() {
        List<VerifiedDocument> marked = RegistrationVerification.markDuplicates(List.of(
                doc("CHARTER", "u1", "aaa", List.of()),
                doc("CERTIFICATE_SCAN", "u2", "aaa", List.of("UPLOAD_KIND_MISMATCH")),
                doc("UNION_SEAL", "u3", "bbb", List.of()),
                doc("REPRESENTATIVE_SEAL", "u4", null, List.of("UPLOAD_MISSING")),
                doc("HARASSMENT_EVIDENCE", "u5", null, List.of("UPLOAD_MISSING"))));

        assertThat(marked).extracting(VerifiedDocument::findings).containsExactly(
                List.of("DUPLICATE_FILE"),
                List.of("UPLOAD_KIND_MISMATCH", "DUPLICATE_FILE"),
                List.of(),
                List.of("UPLOAD_MISSING"),
                List.of("UPLOAD_MISSING"));
    }

    private static VerifiedDocument doc(String kind, String uploadId, String sha256, List<String> findings) {
        return new VerifiedDocument(kind, uploadId, "application/pdf", 10, 1, sha256, findings);
    }
}
