package tw.laborcloud.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.Test;

import tw.laborcloud.platform.test.SealImages;
import tw.laborcloud.seal.SealSimilarity.Score;

class SealSimilarityTests {

    /** What an officer can rely on: a genuine re-scan scores at least this... */
    private static final int GENUINE_AT_LEAST = 80;

    /** ...and another union's seal at most this. */
    private static final int OTHER_AT_MOST = 50;

    private record Union(String name, long layoutSeed) {
    }

    // Seeds chosen so every layout appears: 2, 5 square; 1, 26 round; 3 double square; 10 rounded rectangle.
    private static final List<Union> UNIONS = List.of(
            new Union("新北市測試產業工會", 2),
            new Union("新北市範例職業工會", 1),
            new Union("新北市板橋區計程車駕駛員職業工會", 3),
            new Union("新北市美容美髮業職業工會", 10),
            new Union("新北市金屬加工業產業工會", 5),
            new Union("新北市餐飲服務業職業工會", 26));

    /** The upload as it usually arrives: printed, stamped, scanned a little askew, saved as JPEG. */
    private static BufferedImage scannedUpload(BufferedImage seal, long noiseSeed) {
        return SealImages.read(SealImages.jpeg(SealImages.scanned(seal, 2, 9, -6, 0.9, noiseSeed)));
    }

    private static BufferedImage registered(Union union) {
        return SealImages.read(SealImages.png(SealImages.seal(union.name(), union.layoutSeed())));
    }

    @Test
    void theSameSealComparedWithItselfScores100() {
        for (Union union : UNIONS) {
            BufferedImage seal = registered(union);
            Score score = SealSimilarity.compare(seal, seal);
            System.out.printf("same     %-20s %3d%% hash %2d%n", union.name(), score.percent(), score.hashDistance());
            assertThat(score.percent()).isEqualTo(100);
            assertThat(score.hashDistance()).isZero();
            assertThat(score.method()).contains("Otsu");
        }
    }

    @Test
    void aScanOfTheRegisteredSealScoresHigh() {
        for (int i = 0; i < UNIONS.size(); i++) {
            Union union = UNIONS.get(i);
            BufferedImage seal = registered(union);
            Score score = SealSimilarity.compare(seal, scannedUpload(seal, 100 + i));
            System.out.printf("scanned  %-20s %3d%% hash %2d%n", union.name(), score.percent(), score.hashDistance());
            assertThat(score.percent()).as(union.name()).isGreaterThanOrEqualTo(GENUINE_AT_LEAST);
        }
    }

    @Test
    void scansTurnedEitherWayOrEnlargedStillScoreHigh() {
        BufferedImage seal = registered(UNIONS.get(0));
        double[][] scans = {{-3, 0, 0, 1.0}, {3, -12, 8, 0.8}, {1, 5, 5, 1.1}};
        for (double[] scan : scans) {
            BufferedImage upload = SealImages.read(SealImages.jpeg(
                    SealImages.scanned(seal, scan[0], (int) scan[1], (int) scan[2], scan[3], 7)));
            Score score = SealSimilarity.compare(seal, upload);
            System.out.printf("scanned  rot %4.1f shift %3.0f,%3.0f scale %.1f  %3d%% hash %2d%n",
                    scan[0], scan[1], scan[2], scan[3], score.percent(), score.hashDistance());
            assertThat(score.percent()).isGreaterThanOrEqualTo(GENUINE_AT_LEAST);
        }
    }

    @Test
    void anotherUnionsSealScoresClearlyLowerThanAScanOfTheRightOne() {
        for (int i = 0; i < UNIONS.size(); i++) {
            Union union = UNIONS.get(i);
            Union other = UNIONS.get((i + 1) % UNIONS.size());
            BufferedImage seal = registered(union);
            Score genuine = SealSimilarity.compare(seal, scannedUpload(seal, 200 + i));
            Score wrong = SealSimilarity.compare(seal, scannedUpload(registered(other), 200 + i));
            System.out.printf("other    %-20s vs %-20s %3d%% hash %2d (genuine scan %3d%%)%n",
                    union.name(), other.name(), wrong.percent(), wrong.hashDistance(), genuine.percent());
            assertThat(wrong.percent()).as(union.name() + " vs " + other.name())
                    .isLessThanOrEqualTo(OTHER_AT_MOST)
                    .isLessThan(genuine.percent());
        }
    }

    @Test
    void everyWrongPairingScoresBelowEveryGenuineScan() {
        int lowestGenuine = 100;
        int highestWrong = 0;
        for (int i = 0; i < UNIONS.size(); i++) {
            BufferedImage seal = registered(UNIONS.get(i));
            for (int j = 0; j < UNIONS.size(); j++) {
                int percent = SealSimilarity.compare(seal, scannedUpload(registered(UNIONS.get(j)), 300 + j)).percent();
                if (i == j) {
                    lowestGenuine = Math.min(lowestGenuine, percent);
                } else {
                    highestWrong = Math.max(highestWrong, percent);
                }
            }
        }
        System.out.printf("all pairs: lowest genuine %d%%, highest wrong %d%%%n", lowestGenuine, highestWrong);
        assertThat(highestWrong).isLessThanOrEqualTo(OTHER_AT_MOST);
        assertThat(lowestGenuine).isGreaterThanOrEqualTo(GENUINE_AT_LEAST);
    }

    private record LookAlike(String registered, String uploaded, long layoutSeed, int atMost) {
    }

    /**
     * The hard case: most names here share "新北市" and "職業工會"/"產業工會", and a seal of the
     * same layout differs only in a few characters. The whole-seal correlation alone gave the
     * first four 94-98; the weakest regions give them away.
     */
    @Test
    void aSealOfTheSameLayoutWithASimilarNameScoresBelowAGenuineScan() {
        List<LookAlike> lookAlikes = List.of(
                new LookAlike("新北市測試產業工會", "新北市範例產業工會", 2, OTHER_AT_MOST), // 2 characters differ
                new LookAlike("新北市範例產業工會", "新北市測試產業工會", 2, OTHER_AT_MOST),
                new LookAlike("新北市範例職業工會", "新北市測試產業工會", 1, 60), // 3 small characters on a rim
                new LookAlike("新北市測試產業工會", "新北市測試職業工會", 2, 75), // 1 character of 9
                new LookAlike("新北市美容美髮業職業工會", "新北市美容美甲業職業工會", 10, 75)); // 1 of 12
        for (LookAlike pair : lookAlikes) {
            BufferedImage seal = SealImages.seal(pair.registered(), pair.layoutSeed());
            Score genuine = SealSimilarity.compare(seal, scannedUpload(seal, 400));
            Score wrong = SealSimilarity.compare(seal,
                    scannedUpload(SealImages.seal(pair.uploaded(), pair.layoutSeed()), 400));
            System.out.printf("alike    %-20s vs %-20s %3d%% hash %2d (genuine scan %3d%%)%n",
                    pair.registered(), pair.uploaded(), wrong.percent(), wrong.hashDistance(), genuine.percent());
            assertThat(wrong.percent()).as(pair.registered() + " vs " + pair.uploaded())
                    .isLessThanOrEqualTo(pair.atMost())
                    .isLessThan(GENUINE_AT_LEAST);
            assertThat(genuine.percent()).isGreaterThanOrEqualTo(GENUINE_AT_LEAST);
        }
    }

    @Test
    void anUnevenlyInkedImpressionStillScoresHigh() {
        for (int i = 0; i < UNIONS.size(); i++) {
            Union union = UNIONS.get(i);
            BufferedImage seal = registered(union);
            BufferedImage uneven = SealImages.read(SealImages.jpeg(fadedTowardsTopRight(
                    SealImages.scanned(seal, 2, 9, -6, 0.9, 500 + i), 0.5)));
            Score score = SealSimilarity.compare(seal, uneven);
            System.out.printf("uneven   %-20s %3d%% hash %2d%n", union.name(), score.percent(), score.hashDistance());
            assertThat(score.percent()).as(union.name()).isGreaterThanOrEqualTo(GENUINE_AT_LEAST);
        }
    }

    @Test
    void theSameSealAtVeryDifferentSizesScoresHigh() {
        BufferedImage seal = SealImages.seal(UNIONS.get(2).name(), UNIONS.get(2).layoutSeed());
        BufferedImage large = SealImages.onCanvas(seal, 1200, 900);
        BufferedImage small = SealImages.read(SealImages.jpeg(SealImages.onCanvas(seal, 300, 300)));
        Score score = SealSimilarity.compare(large, small);
        System.out.printf("sizes    1200x900 vs 300x300 JPEG %3d%% hash %2d%n", score.percent(), score.hashDistance());
        assertThat(score.percent()).isGreaterThanOrEqualTo(GENUINE_AT_LEAST);
    }

    @Test
    void aGrayscaleScanAndABmpUploadScoreHigh() {
        BufferedImage seal = registered(UNIONS.get(4));
        BufferedImage scan = SealImages.scanned(seal, -2, 4, 6, 0.95, 11);
        BufferedImage gray = new BufferedImage(scan.getWidth(), scan.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        g.drawImage(scan, 0, 0, null);
        g.dispose();
        Score fromGray = SealSimilarity.compare(seal, SealImages.read(SealImages.jpeg(gray)));
        Score fromBmp = SealSimilarity.compare(seal, SealImages.read(SealImages.bmp(scan)));
        System.out.printf("gray     %3d%% hash %2d, bmp %3d%% hash %2d%n",
                fromGray.percent(), fromGray.hashDistance(), fromBmp.percent(), fromBmp.hashDistance());
        assertThat(fromGray.percent()).isGreaterThanOrEqualTo(GENUINE_AT_LEAST);
        assertThat(fromBmp.percent()).isGreaterThanOrEqualTo(GENUINE_AT_LEAST);
    }

    @Test
    void refusesAMissingOrBlankImage() {
        BufferedImage seal = registered(UNIONS.get(0));
        BufferedImage scannedBlank = SealImages.read(SealImages.jpeg(SealImages.blank(400, 400, 5)));

        assertThatIllegalArgumentException().isThrownBy(() -> SealSimilarity.compare(seal, null))
                .withMessageContaining("uploaded").withMessageContaining("missing");
        assertThatIllegalArgumentException().isThrownBy(() -> SealSimilarity.compare(null, seal))
                .withMessageContaining("registered");
        assertThatIllegalArgumentException().isThrownBy(() -> SealSimilarity.compare(seal, SealImages.whitePaper(400, 400)))
                .withMessageContaining("no ink");
        assertThatIllegalArgumentException().isThrownBy(() -> SealSimilarity.compare(seal, scannedBlank))
                .withMessageContaining("no ink");
        // An all-black image: one colour only, nothing to compare.
        assertThatIllegalArgumentException().isThrownBy(
                () -> SealSimilarity.compare(new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB), seal))
                .withMessageContaining("registered").withMessageContaining("no ink");
    }

    @Test
    void transparentBackgroundCountsAsPaper() {
        BufferedImage seal = registered(UNIONS.get(1));
        BufferedImage transparent = new BufferedImage(seal.getWidth(), seal.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < seal.getHeight(); y++) {
            for (int x = 0; x < seal.getWidth(); x++) {
                int rgb = seal.getRGB(x, y);
                boolean paper = (rgb & 0xffffff) == 0xffffff;
                // Paper fully transparent, and its colour black: only the alpha says it is paper.
                transparent.setRGB(x, y, paper ? 0 : rgb);
            }
        }
        assertThat(SealSimilarity.compare(seal, transparent).percent()).isGreaterThanOrEqualTo(95);
    }

    @Test
    void comparingTwoMegapixelScansIsFast() {
        BufferedImage seal = registered(UNIONS.get(3));
        BufferedImage a = SealImages.onCanvas(seal, 1000, 1000);
        BufferedImage b = SealImages.read(SealImages.jpeg(SealImages.onCanvas(scannedUpload(seal, 9), 1000, 1000)));
        for (int i = 0; i < 10; i++) {
            SealSimilarity.compare(a, b); // warm up the JIT
        }
        int runs = 20;
        long start = System.nanoTime();
        Score score = null;
        for (int i = 0; i < runs; i++) {
            score = SealSimilarity.compare(a, b);
        }
        double millis = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("timing   two 1000x1000 images: %.1f ms per comparison (%d%%)%n", millis, score.percent());
        assertThat(score.percent()).isGreaterThanOrEqualTo(GENUINE_AT_LEAST);

        // A 12-megapixel phone photo, once, for the record: time grows with the pixel count.
        BufferedImage photo = SealImages.onCanvas(scannedUpload(seal, 10), 4000, 3000);
        long photoStart = System.nanoTime();
        Score photoScore = SealSimilarity.compare(a, photo);
        System.out.printf("timing   1000x1000 vs 4000x3000: %.1f ms (%d%%)%n",
                (System.nanoTime() - photoStart) / 1e6, photoScore.percent());
        assertThat(photoScore.percent()).isGreaterThanOrEqualTo(GENUINE_AT_LEAST);
    }

    /** Ink lighter towards the top right, up to {@code strength} of the way to paper, as when a stamp is tilted. */
    private static BufferedImage fadedTowardsTopRight(BufferedImage image, double strength) {
        int w = image.getWidth();
        BufferedImage out = new BufferedImage(w, image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
                double f = strength * Math.clamp((x - y) / (double) w, 0, 1);
                int p = image.getRGB(x, y);
                int r = (int) Math.round(((p >> 16) & 0xff) + f * (245 - ((p >> 16) & 0xff)));
                int g = (int) Math.round(((p >> 8) & 0xff) + f * (242 - ((p >> 8) & 0xff)));
                int b = (int) Math.round((p & 0xff) + f * (236 - (p & 0xff)));
                out.setRGB(x, y, (Math.clamp(r, 0, 255) << 16) | (Math.clamp(g, 0, 255) << 8) | Math.clamp(b, 0, 255));
            }
        }
        return out;
    }

    @Test
    void anImprintSmallEnoughForAnEventComparesLikeTheImagesAndADamagedOneIsRefused() {
        BufferedImage seal = registered(UNIONS.get(0));
        BufferedImage scan = scannedUpload(seal, 500);
        String registeredImprint = SealSimilarity.imprint(seal);
        String uploadedImprint = SealSimilarity.imprint(scan);
        System.out.printf("imprint sizes: %d and %d characters%n", registeredImprint.length(), uploadedImprint.length());
        assertThat(registeredImprint.length()).isLessThan(12_000);
        int fromImages = SealSimilarity.compare(seal, scan).percent();
        int fromImprints = SealSimilarity.compare(registeredImprint, uploadedImprint).percent();
        assertThat(fromImprints).isBetween(fromImages - 2, fromImages + 2).isGreaterThanOrEqualTo(80);
        assertThat(SealSimilarity.compare(registeredImprint,
                SealSimilarity.imprint(registered(UNIONS.get(1)))).percent()).isLessThanOrEqualTo(50);
        String damaged = uploadedImprint.substring(0, uploadedImprint.length() / 2);
        assertThatThrownBy(() -> SealSimilarity.compare(registeredImprint, damaged))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uploaded");
        assertThatThrownBy(() -> SealSimilarity.compare(null, uploadedImprint))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("registered");
    }
}
