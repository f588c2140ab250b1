package tw.laborcloud.review.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import tw.laborcloud.platform.web.ApiException;

class RegisterCsvTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void readsBig5AsExcelSavesItInTaiwanWithChineseHeadersAndRocDates() {
        String text = "立案證書編號,工會名稱,工會類別,核發日期,圖記檔名\r\n55500001,\"新北市測試工會, 板橋分會\",產業工會,民國103/5/12,a.png\r\n";
        List<RegisterCsv.Row> rows = RegisterCsv.parse(text.getBytes(Charset.forName("x-windows-950")), TODAY);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.unionName()).isEqualTo("新北市測試工會, 板橋分會");
            assertThat(r.unionType()).isEqualTo("INDUSTRIAL");
            assertThat(r.issuedOn()).isEqualTo(LocalDate.of(2014, 5, 12));
            assertThat(r.sealFile()).isEqualTo("a.png");
        });
    }

    @Test
    void readsUtf8WithBomAndSkipsBlankLines() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "certificateNo,unionName,unionType,issuedOn\n55500002,X,occupational,2014/05/12\n,,,\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(body, 0, content, bom.length, body.length);
        assertThat(RegisterCsv.parse(content, TODAY)).extracting(RegisterCsv.Row::certificateNo)
                .containsExactly("55500002");
    }

    @Test
    void aMissingColumnIsNamed() {
        assertThatThrownBy(() -> RegisterCsv.parse("certificateNo,unionName\n1,2\n".getBytes(StandardCharsets.UTF_8), TODAY))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage() + e.violations())
                        .contains("unionType").contains("issuedOn"));
    }

    @Test
    void impossibleDatesAreNotDates() {
        assertThat(RegisterCsv.date("2014-02-30")).isNull();
        assertThat(RegisterCsv.date("yesterday")).isNull();
        assertThat(RegisterCsv.date("113.01.05")).isEqualTo(LocalDate.of(2024, 1, 5));
    }
}
