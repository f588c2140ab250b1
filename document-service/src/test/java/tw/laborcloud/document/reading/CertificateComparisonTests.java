package tw.laborcloud.document.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.util.List;

import org.junit.jupiter.api.Test;

import tw.laborcloud.document.reading.CertificateFields.Fields;
import tw.laborcloud.document.reading.Tesseract.Word;
import tw.laborcloud.events.document.CertificateReading.Match;

/** The rules that turn recognised lines into values and values into a comparison with the form. */
class CertificateComparisonTests {

    @Test
    void aNumberIsDifferentOnlyWhenReadAlikeTwiceInItsFrame() {
        assertThat(CertificateComparison.number("12345678", true, null, "12345678")).isEqualTo(Match.EQUAL);
        assertThat(CertificateComparison.number("12345678", true, "12345678", "87654321")).isEqualTo(Match.DIFFERENT);
        // the second reading took the edge of 第 for a 9: the number is still in it
        assertThat(CertificateComparison.number("12345678", true, "912345678", "87654321")).isEqualTo(Match.DIFFERENT);
        // the second reading disagrees with the first: not sure, so not "different"
        assertThat(CertificateComparison.number("12345678", true, "12345673", "87654321")).isEqualTo(Match.UNREADABLE);
        // the second reading sees the form's number: the first misread it
        assertThat(CertificateComparison.number("12345673", true, "12345678 5", "12345678")).isEqualTo(Match.EQUAL);
        // eight digits somewhere on a page that has no certificate number frame
        assertThat(CertificateComparison.number("12345678", false, "12345678", "87654321")).isEqualTo(Match.UNREADABLE);
        assertThat(CertificateComparison.number(null, false, null, "87654321")).isEqualTo(Match.UNREADABLE);
    }

    @Test
    void namesCompareAfterTheRegistersNormalisation() {
        assertThat(CertificateComparison.name("新北市 台灣測試產業工會", 90, "新北市臺灣測試產業工會")).isEqualTo(Match.EQUAL);
        assertThat(CertificateComparison.name("新北市測誠產業工會", 90, "新北市測試產業工會")).isEqualTo(Match.SIMILAR);
        assertThat(CertificateComparison.name("新北市餐飲職業工會", 90, "新北市電子產業工會")).isEqualTo(Match.DIFFERENT);
        assertThat(CertificateComparison.name("", 90, "新北市電子產業工會")).isEqualTo(Match.UNREADABLE);
    }

    @Test
    void aGarbledNameIsUnreadableNotDifferent() {
        // the end of the line lost (業工 dropped, 會 read as 還) with a word at confidence 31
        assertThat(CertificateComparison.name("新北市木工從業人員產還", 31, "新北市木工從業人員產業工會")).isEqualTo(Match.UNREADABLE);
        // read with confidence but not a whole union's name
        assertThat(CertificateComparison.name("新北市木工從業人員產還", 90, "新北市木工從業人員產業工會")).isEqualTo(Match.UNREADABLE);
    }

    @Test
    void theDifferencesNameEachCharacter() {
        assertThat(CertificateComparison.edits("新北市測誠產業工會", "新北市測試產業工會")).containsExactly("誠→試");
        assertThat(CertificateComparison.edits("新北市紡織職業工", "新北市紡織職業工會")).containsExactly("+會");
        assertThat(CertificateComparison.edits("新北市紡織職業工會會", "新北市紡織職業工會")).containsExactly("−會");
    }

    @Test
    void theIssuerIsTheCitysOrAnothersOrUnread() {
        assertThat(CertificateComparison.issuer("新北市政府")).isEqualTo(Match.EQUAL);
        assertThat(CertificateComparison.issuer("臺北市政府")).isEqualTo(Match.DIFFERENT);
        assertThat(CertificateComparison.issuer(null)).isEqualTo(Match.UNREADABLE);
    }

    @Test
    void valuesAreFoundOnTheirLinesWithTheirPlace() {
        List<List<Word>> lines = List.of(
                List.of(word("臺北市政府", 400, 100, 250, 50, 95)),
                List.of(word("立案證書字號", 100, 300, 300, 40, 93), word(":", 400, 300, 10, 40, 90),
                        word("新北府勞工字第１２３４５６７８號", 420, 300, 420, 40, 91)),
                List.of(word("[會名稱", 100, 400, 200, 40, 60), word("：新北市測試產業工會", 300, 400, 400, 40, 88)),
                List.of(word("核准立案日期:中華民國113年5月6日", 100, 500, 600, 40, 90)),
                List.of(word("新北市政府", 600, 1300, 250, 50, 96)));
        Fields fields = CertificateFields.find(lines);
        assertThat(fields.number()).hasValueSatisfying(n -> {
            assertThat(n.text()).isEqualTo("12345678");
            // cut out of its word in proportion: 7 Chinese characters before it (each as wide as two digits),
            // 8 digits, 1 character after: 14 + 8 + 2 widths
            assertThat(n.box().x).isBetween(420 + 420 * 14 / 24 - 2, 420 + 420 * 14 / 24 + 2);
            assertThat(n.box().width).isBetween(420 * 8 / 24 - 2, 420 * 8 / 24 + 2);
        });
        assertThat(fields.framed()).isTrue();
        assertThat(fields.name()).hasValueSatisfying(n -> assertThat(n.text()).isEqualTo("新北市測試產業工會"));
        // the city's name anywhere wins over another government's read elsewhere (a letterhead, a seal)
        assertThat(fields.issuer()).hasValueSatisfying(i -> assertThat(i.box().y).isEqualTo(1300));
        assertThat(fields.isoDate()).isEqualTo("2024-05-06");
    }

    @Test
    void tesseractsTableBecomesLinesOfWords() {
        List<List<Word>> lines = Tesseract.parse(List.of(
                "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
                "1\t1\t0\t0\t0\t0\t0\t0\t1240\t1754\t-1\t",
                "5\t1\t1\t1\t1\t1\t100\t200\t50\t40\t96.5\t工會",
                "5\t1\t1\t1\t1\t2\t150\t200\t80\t40\t91.0\t名稱：",
                "5\t1\t1\t1\t2\t1\t100\t260\t50\t40\t-1\t ",
                "5\t1\t1\t1\t2\t2\t100\t260\t50\t40\t88\t會址"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).extracting(Word::text).containsExactly("工會", "名稱：");
        assertThat(lines.get(0).get(0).confidence()).isEqualTo(97);
        assertThat(lines.get(1)).extracting(Word::text).containsExactly("會址");
    }

    @Test
    void aCrookedPageIsStraightenedAndItsBoxesTurnedBack() {
        var page = new java.awt.image.BufferedImage(1000, 1400, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        var g = page.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 1000, 1400);
        g.rotate(Math.toRadians(2), 500, 700);
        g.setColor(java.awt.Color.BLACK);
        for (int y = 200; y < 1200; y += 60) {
            g.fillRect(150, y, 700, 18);
        }
        g.dispose();
        assertThat(Deskew.angle(page)).isBetween(1.75, 2.25);
        Rectangle back = Deskew.onOriginal(new Rectangle(150, 200, 700, 18), 2, 1000, 1400);
        // the top line's right end rises on the turned page: its box grows by 700 × sin 2° ≈ 24 px in height
        assertThat(back.height).isBetween(18 + 20, 18 + 30);
    }

    private static Word word(String text, int x, int y, int width, int height, int confidence) {
        return new Word(text, new Rectangle(x, y, width, height), confidence);
    }
}
