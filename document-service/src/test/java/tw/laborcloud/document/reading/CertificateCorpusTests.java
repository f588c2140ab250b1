package tw.laborcloud.document.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tw.laborcloud.document.preview.PreviewRenderer;
import tw.laborcloud.document.reading.CertificateCorpus.Page;
import tw.laborcloud.events.document.CertificateReading;
import tw.laborcloud.events.document.CertificateReading.Match;

/**
 * Reads the 68 generated certificates of the corpus ({@link CertificateCorpus}: four typefaces,
 * turned up to 2°, blurred or not, noisy, JPEG of quality 0.5–0.9 or a PDF holding the scan, the
 * last four clean; nine with another number than the form, eight with another union's name, four from
 * another city) with the real Tesseract, as the verification does, and measures what the
 * issue asks: the number read exactly on at least 95 % of the pages; every page whose number
 * is not the form's flagged as different; no correct page flagged as different, for the
 * number, the name or the issuer. The figures are printed (and quoted in the README).
 * <p>
 * Needs Debian's tesseract-ocr and tesseract-ocr-chi-tra, which the README's test command
 * installs; without them this test fails and says so.
 */
class CertificateCorpusTests {

    record Result(Page page, CertificateReading reading) {
    }

    static List<Result> results;
    static double secondsPerPage;

    @BeforeAll
    static void readTheCorpus(@TempDir Path dir) throws Exception {
        Tesseract tesseract = new Tesseract("tesseract", "chi_tra", true);
        assertThat(tesseract.available())
                .as("tesseract with chi_tra installed (apt-get install " + Tesseract.PACKAGES + "; ./test does)")
                .isTrue();
        CertificateReader reader = new CertificateReader(tesseract, new PreviewRenderer(50_000_000L, 2));
        List<Page> pages = pages();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long started = System.nanoTime();
        try {
            List<Future<Result>> reads = new ArrayList<>();
            for (Page page : pages) {
                reads.add(pool.submit(() -> {
                    Path scan = dir.resolve(page.upload());
                    try (InputStream drawing = resource(page.file())) {
                        Files.write(scan, CertificateCorpus.scan(page, ImageIO.read(drawing)));
                    }
                    return new Result(page, reader.read(scan, page.contentType(),
                            new CertificateReader.Form(page.formNumber(), page.formName())));
                }));
            }
            results = new ArrayList<>();
            for (Future<Result> read : reads) {
                results.add(read.get());
            }
        } finally {
            pool.shutdownNow();
        }
        // two pages at a time on this machine's two cores: the wall time per page is what a verification waits
        secondsPerPage = (System.nanoTime() - started) / 1e9 / pages.size() * 2;
        print();
    }

    @Test
    void theCorpusIsLargeAndVaried() {
        assertThat(results).hasSizeGreaterThanOrEqualTo(60);
        assertThat(results.stream().map(r -> r.page().font()).distinct()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(results.stream().filter(r -> r.page().pdf())).hasSizeGreaterThanOrEqualTo(15);
        assertThat(results.stream().filter(r -> r.page().numberDiffers())).hasSizeGreaterThanOrEqualTo(5);
        assertThat(results.stream().filter(r -> r.page().nameDiffers())).hasSizeGreaterThanOrEqualTo(5);
        assertThat(results.stream().filter(r -> r.page().otherIssuer())).hasSizeGreaterThanOrEqualTo(3);
        assertThat(results).allSatisfy(r -> assertThat(r.reading().outcome()).isEqualTo(CertificateReading.Outcome.READ));
    }

    @Test
    void theNumberIsReadExactlyOnAtLeast95PercentOfThePages() {
        assertThat(numberReadRate()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void everyPageWhoseNumberIsNotTheFormsIsFlaggedAsDifferent() {
        assertThat(results.stream().filter(r -> r.page().numberDiffers()))
                .allSatisfy(r -> assertThat(r.reading().numberMatch()).as(r.page().file()).isEqualTo(Match.DIFFERENT));
    }

    @Test
    void noCorrectPageIsFlaggedAsDifferent() {
        assertThat(results.stream().filter(r -> !r.page().numberDiffers()))
                .allSatisfy(r -> assertThat(r.reading().numberMatch()).as(r.page().file()).isNotEqualTo(Match.DIFFERENT));
        assertThat(results.stream().filter(r -> !r.page().nameDiffers()))
                .allSatisfy(r -> assertThat(r.reading().nameMatch()).as(r.page().file() + " " + r.reading().unionName())
                        .isNotEqualTo(Match.DIFFERENT));
        assertThat(results.stream().filter(r -> !r.page().otherIssuer()))
                .allSatisfy(r -> assertThat(r.reading().issuerMatch()).as(r.page().file()).isNotEqualTo(Match.DIFFERENT));
    }

    @Test
    void anotherUnionsNameIsNeverTakenForTheFormsAndAnotherCityIsFlagged() {
        assertThat(results.stream().filter(r -> r.page().nameDiffers()))
                .allSatisfy(r -> assertThat(r.reading().nameMatch()).as(r.page().file()).isNotEqualTo(Match.EQUAL));
        assertThat(results.stream().filter(r -> r.page().otherIssuer()))
                .allSatisfy(r -> assertThat(r.reading().issuerMatch()).as(r.page().file()).isEqualTo(Match.DIFFERENT));
    }

    @Test
    void everyValueFoundCarriesItsPlaceOnThePage() {
        assertThat(results.stream().map(r -> r.reading().number()).filter(java.util.Objects::nonNull))
                .allSatisfy(read -> {
                    assertThat(read.box().x()).isBetween(0.0, 1.0);
                    assertThat(read.box().width()).isGreaterThan(0.0);
                    // the number stands in the upper half of the certificate, where it was drawn
                    assertThat(read.box().y()).isBetween(0.2, 0.45);
                });
    }

    private static double numberReadRate() {
        return (double) results.stream().filter(r -> r.reading().number() != null
                && r.page().pageNumber().equals(r.reading().number().text())).count() / results.size();
    }

    private static double rate(Match expected, boolean when, java.util.function.Function<Result, Match> match,
            java.util.function.Predicate<Page> which) {
        List<Result> some = results.stream().filter(r -> which.test(r.page()) == when).toList();
        return some.isEmpty() ? 1 : (double) some.stream().filter(r -> match.apply(r) == expected).count() / some.size();
    }

    private static void print() {
        System.out.printf("certificate corpus: %d pages; number read exactly %.1f %%; wrong numbers flagged %.0f %%; "
                + "correct numbers flagged %.0f %% (unreadable %.1f %%); names equal %.1f %%, similar %.1f %%, "
                + "different-name pages not equal %.0f %%; issuer read %.1f %%; %.2f s per page%n",
                results.size(), 100 * numberReadRate(),
                100 * rate(Match.DIFFERENT, true, r -> r.reading().numberMatch(), Page::numberDiffers),
                100 * rate(Match.DIFFERENT, false, r -> r.reading().numberMatch(), Page::numberDiffers),
                100 * rate(Match.UNREADABLE, false, r -> r.reading().numberMatch(), Page::numberDiffers),
                100 * rate(Match.EQUAL, false, r -> r.reading().nameMatch(), Page::nameDiffers),
                100 * rate(Match.SIMILAR, false, r -> r.reading().nameMatch(), Page::nameDiffers),
                100 * (1 - rate(Match.EQUAL, true, r -> r.reading().nameMatch(), Page::nameDiffers)),
                100 * (1 - (double) results.stream().filter(r -> r.reading().issuerMatch() == Match.UNREADABLE).count()
                        / results.size()),
                secondsPerPage);
        for (Result r : results) {
            CertificateReading c = r.reading();
            System.out.printf("  %s %s/%s number %s %s, name %s (%s) %s %s, issuer %s %s, %s, conf %d, %d ms%n",
                    r.page().file(), r.page().font(), r.page().degrees(), c.number() == null ? "-" : c.number().text(),
                    c.numberMatch(), c.unionName() == null ? "-" : c.unionName().text(),
                    c.unionName() == null ? "-" : c.unionName().confidence(), c.nameMatch(),
                    c.nameDifferences(), c.issuer() == null ? "-" : c.issuer().text(), c.issuerMatch(), c.issuedOnIso(),
                    c.confidence(), c.millis());
        }
    }

    static List<Page> pages() throws IOException {
        try (InputStream in = resource("expected.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(Page::parse).toList();
        }
    }

    static InputStream resource(String name) {
        InputStream in = CertificateCorpusTests.class.getResourceAsStream("/certificates/" + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("corpus file missing: " + name));
        }
        return in;
    }
}
