package tw.laborcloud.review.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditCsvTests {

    @Test
    void cellsAreQuotedAndFormulasDefused() {
        assertThat(AuditController.cell("reviewer1")).isEqualTo("\"reviewer1\"");
        assertThat(AuditController.cell("a \"quoted\", word")).isEqualTo("\"a \"\"quoted\"\", word\"");
        assertThat(AuditController.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(AuditController.cell("-2+3")).startsWith("\"'-");
        assertThat(AuditController.cell(null)).isEqualTo("\"\"");
    }
}
