package tw.laborcloud.registration.supplement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import tw.laborcloud.events.review.SupplementRequested.RequestedDocument;
import tw.laborcloud.platform.web.FieldViolation;
import tw.laborcloud.registration.registration.RegistrationRequest;

class SupplementValidatorTests {

    static final List<RequestedDocument> SEALS = List.of(new RequestedDocument("UNION_SEAL", "模糊"),
            new RequestedDocument("REPRESENTATIVE_SEAL", "不符"));

    static RegistrationRequest.DocumentRef doc(String kind, String uploadId) {
        return new RegistrationRequest.DocumentRef(kind, uploadId, null);
    }

    @Test
    void exactlyTheRequestedKindsWithWellFormedUploadsPass() {
        assertThat(SupplementValidator.validate(SEALS, List.of(doc("REPRESENTATIVE_SEAL", "a1b2c3d4-0001"),
                doc("UNION_SEAL", "a1b2c3d4-0002")))).isEmpty();
    }

    @Test
    void nothingSentMeansEveryRequestedKindIsMissing() {
        assertThat(SupplementValidator.validate(SEALS, null)).containsExactly(
                new FieldViolation("documents.UNION_SEAL", "REQUIRED", "請上傳補正的「附件二 圖記」"),
                new FieldViolation("documents.REPRESENTATIVE_SEAL", "REQUIRED", "請上傳補正的「附件三 負責人章」"));
    }

    @Test
    void anUnrequestedKindADuplicateAndABadUploadIdAreEachNamed() {
        List<FieldViolation> violations = SupplementValidator.validate(SEALS, Arrays.asList(doc("UNION_SEAL", "a1b2c3d4-0002"),
                doc("UNION_SEAL", "a1b2c3d4-0003"), doc("REPRESENTATIVE_SEAL", "short"),
                doc("HARASSMENT_EVIDENCE", "a1b2c3d4-0004"), null));
        assertThat(violations).extracting(FieldViolation::field, FieldViolation::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("documents.UNION_SEAL", "DOCUMENT_DUPLICATED"),
                org.assertj.core.groups.Tuple.tuple("documents.REPRESENTATIVE_SEAL", "UPLOAD_ID_INVALID"),
                org.assertj.core.groups.Tuple.tuple("documents.HARASSMENT_EVIDENCE", "NOT_REQUESTED"),
                org.assertj.core.groups.Tuple.tuple("documents", "DOCUMENT_KIND_UNKNOWN"));
    }
}
