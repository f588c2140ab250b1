package tw.laborcloud.seal;

import java.awt.image.BufferedImage;

/**
 * How much the union seal an applicant uploaded looks like the seal in the city's union
 * register. An aid shown to the reviewing officer beside both images, never a decision.
 *
 * <p>Each image becomes a normalised 128x128 ink map: ink is the darkest RGB channel (red
 * ink is dark in green and blue, paper is light in all three), binarised with Otsu's
 * threshold; rows and columns with only a few ink pixels (dust, scanner noise) are
 * cropped away. Instead of padding the ink's bounding box to a square, the map is centred
 * on the ink's centroid and scaled by its RMS radius: both are unchanged by rotation and
 * barely moved by a stray stroke or speck, whereas a bounding box grows by several percent
 * when a square seal is turned 2 degrees. The map is area-averaged (so resolution does not
 * matter), lightly blurred (stroke width and anti-aliasing differ between scans), and the
 * Pearson correlation is taken at the best of small rotations and shifts.
 *
 * <p>That whole-seal correlation alone stays above 90 for two seals of the same layout whose
 * names differ in two characters of nine (most names here share "新北市" and "職業工會"),
 * so the score is the lower of it and the mean of the three weakest regional correlations:
 * a different character pulls its regions down, a genuine re-scan matches everywhere.
 */
public final class SealSimilarity {

    static final String METHOD = "Otsu-binarised ink, centred and scaled by its centroid and radius, 128x128; "
            + "lower of the whole-seal correlation (best over \u00b14\u00b0, \u00b12 px) and its 3 weakest 16 px regions";

    /**
     * @param percent      0..100: the lower of the whole-seal and the weakest-regions correlation (negative as 0)
     * @param hashDistance Hamming distance (0..64) of the DCT perceptual hashes of the ink maps
     * @param method       how the score was computed, for the officer's tooltip
     */
    public record Score(int percent, int hashDistance, String method) {
    }

    private SealSimilarity() {
    }

    /**
     * @throws IllegalArgumentException if either image is missing or shows no ink
     */
    public static Score compare(BufferedImage registered, BufferedImage uploaded) {
        return compare(InkMaps.of(registered, "registered"), InkMaps.of(uploaded, "uploaded"));
    }

    /**
     * The seal's normalised ink map as text for an event ({@link Imprints}).
     *
     * @throws IllegalArgumentException if the image is missing or shows no ink
     */
    public static String imprint(BufferedImage image) {
        return Imprints.encode(InkMaps.of(image, "seal"));
    }

    /**
     * Compares two imprints (see {@link #imprint}).
     *
     * @throws IllegalArgumentException if either is not an imprint of this version
     */
    public static Score compare(String registeredImprint, String uploadedImprint) {
        return compare(Imprints.decode(registeredImprint, "registered"), Imprints.decode(uploadedImprint, "uploaded"));
    }

    private static Score compare(float[] a, float[] b) {
        int distance = Long.bitCount(PerceptualHash.of(a) ^ PerceptualHash.of(b));
        float[] blurredA = InkMaps.blur(a);
        float[] blurredB = InkMaps.blur(b);
        Alignment alignment = Alignment.of(blurredA, blurredB);
        double r = Math.min(alignment.correlation(), Regions.weakest(blurredA, alignment.apply(blurredB)));
        int percent = (int) Math.round(Math.max(0, Math.min(1, r)) * 100);
        return new Score(percent, distance, METHOD);
    }
}
