package tw.laborcloud.document.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNamesTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " => ", value = {
            "章程.pdf => 章程.pdf",
            "C:\\Users\\clerk\\Desktop\\立案證書.jpg => 立案證書.jpg",
            "../../etc/passwd => passwd",
            "/var/tmp/seal.bmp => seal.bmp",
            ".. => document",
            ".hidden.pdf => hidden.pdf",
            "what?.pdf => what_.pdf",
            "a<b>c:d\"e|f*.pdf => a_b_c_d_e_f_.pdf",
            "trailing dots... => trailing dots",
            "  spaced   out  name .pdf => spaced out name .pdf" })
    void keepsOnlyASafeLastSegment(String original, String expected) {
        assertThat(FileNames.sanitise(original)).isEqualTo(expected);
    }

    @Test
    void dropsControlAndInvisibleFormattingCharacters() {
        assertThat(FileNames.sanitise("seal\u0000\r\n.jpg")).isEqualTo("seal.jpg");
        // a right-to-left override would display "invoice\u202Egpj.exe" as "invoiceexe.jpg"
        assertThat(FileNames.sanitise("invoice\u202Egpj.exe")).isEqualTo("invoicegpj.exe");
        assertThat(FileNames.sanitise("zero\u200Bwidth.pdf")).isEqualTo("zerowidth.pdf");
    }

    @Test
    void emptyOrMissingNamesGetAPlaceholder() {
        assertThat(FileNames.sanitise(null)).isEqualTo("document");
        assertThat(FileNames.sanitise("")).isEqualTo("document");
        assertThat(FileNames.sanitise("\u0001\u0002")).isEqualTo("document");
        assertThat(FileNames.sanitise("folder/")).isEqualTo("document");
    }

    @Test
    void longNamesAreCutToTheLimitKeepingTheExtension() {
        String name = FileNames.sanitise("工".repeat(200) + ".pdf");

        assertThat(name.codePointCount(0, name.length())).isEqualTo(FileNames.MAX_LENGTH);
        assertThat(name).endsWith("工.pdf");
    }

    @Test
    void charactersOutsideTheBasicPlaneCountOnce() {
        String name = FileNames.sanitise("𠀀".repeat(130));

        assertThat(name.codePointCount(0, name.length())).isEqualTo(FileNames.MAX_LENGTH);
        assertThat(name).isEqualTo("𠀀".repeat(FileNames.MAX_LENGTH));
    }

    @Test
    void aNameAtTheLimitIsKeptWhole() {
        String exact = "a".repeat(116) + ".pdf";

        assertThat(FileNames.sanitise(exact)).isEqualTo(exact);
    }

    @Test
    void downloadNamesArePercentEncodedAsUtf8() {
        assertThat(FileNames.attachment("章程 2025.pdf"))
                .isEqualTo("attachment; filename*=UTF-8''%E7%AB%A0%E7%A8%8B%202025.pdf");
        assertThat(FileNames.attachment("a'b;c\"d%.pdf")).isEqualTo("attachment; filename*=UTF-8''a%27b%3Bc%22d%25.pdf");
        assertThat(FileNames.attachment("Seal_v1-final~.jpg")).isEqualTo("attachment; filename*=UTF-8''Seal_v1-final~.jpg");
    }

    @Test
    void aDownloadEndsWithTheExtensionOfTheDetectedType() {
        assertThat(FileNames.downloadName("seal.pdf", "image/png")).isEqualTo("seal.png");
        assertThat(FileNames.downloadName("seal.pdf", "image/jpeg")).isEqualTo("seal.jpg");
        assertThat(FileNames.downloadName("負責人章", "image/bmp")).isEqualTo("負責人章.bmp");
        assertThat(FileNames.downloadName("章程 v1.2", "application/pdf")).isEqualTo("章程 v1.2.pdf");
        assertThat(FileNames.downloadName("certificate.exe", "application/pdf")).isEqualTo("certificate.pdf");
    }

    @Test
    void aFittingExtensionIsKeptAsWritten() {
        assertThat(FileNames.downloadName("CHARTER.PDF", "application/pdf")).isEqualTo("CHARTER.PDF");
        assertThat(FileNames.downloadName("seal.jpeg", "image/jpeg")).isEqualTo("seal.jpeg");
        assertThat(FileNames.downloadName("scan.dat", "application/x-unknown")).isEqualTo("scan.dat");
    }

    @Test
    void aNameAtTheLimitStaysWithinItWithItsNewExtension() {
        String name = FileNames.downloadName("工".repeat(FileNames.MAX_LENGTH), "application/pdf");

        assertThat(name.codePointCount(0, name.length())).isEqualTo(FileNames.MAX_LENGTH);
        assertThat(name).endsWith("工.pdf");
    }
}
