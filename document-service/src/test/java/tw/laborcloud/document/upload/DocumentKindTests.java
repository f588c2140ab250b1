package tw.laborcloud.document.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import tw.laborcloud.events.registration.DocumentKinds;
import tw.laborcloud.platform.web.ApiException;

class DocumentKindTests {

    @Test
    void theCharterIsPdfOnly() {
        assertThat(DocumentKind.CHARTER.allows(ContentTypes.PDF)).isTrue();
        assertThat(DocumentKind.CHARTER.allows(ContentTypes.JPEG)).isFalse();
        assertThat(DocumentKind.CHARTER.allows(ContentTypes.BMP)).isFalse();
    }

    @Test
    void theAmendedCharterOfAFilingIsPdfOnlyLikeTheCharter() {
        assertThat(DocumentKind.AMENDED_CHARTER.allows(ContentTypes.PDF)).isTrue();
        assertThat(DocumentKind.AMENDED_CHARTER.allows(ContentTypes.JPEG)).isFalse();
        assertThat(DocumentKind.AMENDED_CHARTER.allows(ContentTypes.BMP)).isFalse();
        assertThat(DocumentKind.AMENDED_CHARTER.label()).isEqualTo("修正後章程");
    }

    @Test
    void everyFilingAttachmentKindOfTheEventsIsAnUploadKindWithTheSameLabel() {
        assertThat(DocumentKinds.filingAttachmentLabels()).hasSize(15).allSatisfy((kind, label) -> {
            assertThat(DocumentKind.parse(kind)).as(kind).isPresent();
            assertThat(DocumentKind.parse(kind).get().label()).isEqualTo(label);
        });
    }

    @ParameterizedTest
    @EnumSource(value = DocumentKind.class, names = { "CHARTER", "AMENDED_CHARTER" },
            mode = EnumSource.Mode.EXCLUDE)
    void attachmentsArePdfJpgOrBmp(DocumentKind kind) {
        assertThat(kind.allows(ContentTypes.PDF)).isTrue();
        assertThat(kind.allows(ContentTypes.JPEG)).isTrue();
        assertThat(kind.allows(ContentTypes.BMP)).isTrue();
        assertThat(kind.allows("image/x-ms-bmp")).isTrue();
        assertThat(kind.allows("image/png")).isFalse();
        assertThat(kind.allows("text/html")).isFalse();
        assertThat(kind.allows("application/x-msdownload")).isFalse();
    }

    @Test
    void everyKindIsLimitedToTenMegabytes() {
        for (DocumentKind kind : DocumentKind.values()) {
            assertThat(kind.maxBytes()).isEqualTo(10_485_760L);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "charter", "Charter", "SEAL", "", " CHARTER" })
    void onlyExactKindNamesParse(String name) {
        assertThat(DocumentKind.parse(name)).isEmpty();
        assertThat(DocumentKind.parse(null)).isEmpty();
        assertThat(DocumentKind.parse("UNION_SEAL")).contains(DocumentKind.UNION_SEAL);
    }

    @Test
    void aRefusedTypeIsNamedWithTheAllowedOnes() {
        ApiException refusal = UploadRefusals.typeNotAllowed(DocumentKind.CHARTER, "image/jpeg");

        assertThat(refusal.code()).isEqualTo("FILE_TYPE_NOT_ALLOWED");
        assertThat(refusal.status().value()).isEqualTo(400);
        assertThat(refusal.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("file");
            assertThat(v.message()).contains("image/jpeg", "章程", "PDF（application/pdf）").doesNotContain("JPG（");
        });
        assertThat(UploadRefusals.typeNotAllowed(DocumentKind.UNION_SEAL, "text/html").getMessage())
                .contains("text/html", "PDF（application/pdf）、JPG（image/jpeg）、BMP（image/bmp）");
    }
}
