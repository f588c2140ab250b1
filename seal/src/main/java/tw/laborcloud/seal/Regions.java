package tw.laborcloud.seal;

import static tw.laborcloud.seal.InkMaps.SIDE;

import java.util.Arrays;

/**
 * Step 3: the regions of two aligned maps. The whole-seal correlation stays above 90 for two seals of the same
 * layout whose names differ in two characters of nine (most names here share 新北市 and 職業工會); a different
 * character pulls its own regions down, while a genuine re-scan matches everywhere.
 */
final class Regions {

    /** Regions about half a character of a 3x3 seal wide, overlapping by half. */
    private static final int TILE = 16;

    private static final int TILE_STRIDE = TILE / 2;

    private static final int TILE_SHIFT = 1;

    /** A region counts when ink covers this share of it in either map. */
    private static final double MIN_TILE_INK = 0.03;

    /** Per-cell variance below which a region is flat (all paper or all ink). */
    private static final double FLAT = 1e-3;

    /** One odd region (a speck, a slip of the stamp) should not decide; a wrong character covers several. */
    private static final int WEAKEST_TILES = 3;

    private Regions() {
    }

    /**
     * The mean of the weakest few regional correlations of two aligned maps: TILE x TILE
     * tiles every TILE/2 px that hold ink in either map, each at its best shift within
     * +-1 px (paper stretches unevenly, so regions may sit a pixel apart).
     */
    static double weakest(float[] a, float[] b) {
        double[] scores = new double[(SIDE / TILE_STRIDE) * (SIDE / TILE_STRIDE)];
        int count = 0;
        int n = TILE * TILE;
        for (int ty = 0; ty + TILE <= SIDE; ty += TILE_STRIDE) {
            for (int tx = 0; tx + TILE <= SIDE; tx += TILE_STRIDE) {
                double sumA = 0;
                double sumAA = 0;
                double sumB = 0;
                for (int y = ty; y < ty + TILE; y++) {
                    for (int x = tx; x < tx + TILE; x++) {
                        double va = a[y * SIDE + x];
                        sumA += va;
                        sumAA += va * va;
                        sumB += b[y * SIDE + x];
                    }
                }
                if (Math.max(sumA, sumB) < MIN_TILE_INK * n) {
                    continue; // paper in both: says nothing
                }
                double best = -1;
                for (int dy = -TILE_SHIFT; dy <= TILE_SHIFT; dy++) {
                    for (int dx = -TILE_SHIFT; dx <= TILE_SHIFT; dx++) {
                        best = Math.max(best, tileCorrelation(a, b, tx, ty, dx, dy, sumA, sumAA));
                    }
                }
                scores[count++] = best;
            }
        }
        if (count == 0) {
            return 0;
        }
        Arrays.sort(scores, 0, count);
        int k = Math.min(WEAKEST_TILES, count);
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += scores[i];
        }
        return sum / k;
    }

    private static double tileCorrelation(float[] a, float[] b, int tx, int ty, int dx, int dy,
            double sumA, double sumAA) {
        int n = TILE * TILE;
        double sumB = 0;
        double sumBB = 0;
        double sumAB = 0;
        for (int y = ty; y < ty + TILE; y++) {
            for (int x = tx; x < tx + TILE; x++) {
                double vb = InkMaps.at(b, x + dx, y + dy);
                sumB += vb;
                sumBB += vb * vb;
                sumAB += a[y * SIDE + x] * vb;
            }
        }
        double varianceA = (sumAA - sumA * sumA / n) / n;
        double varianceB = (sumBB - sumB * sumB / n) / n;
        if (varianceA < FLAT && varianceB < FLAT) {
            // Both inside a solid area (e.g. the red field of a seal with white characters):
            // no pattern to correlate, so compare how much ink each holds.
            return 1 - 2 * Math.abs(sumA - sumB) / n;
        }
        if (varianceA < FLAT || varianceB < FLAT) {
            return 0; // a pattern on one side only
        }
        return (sumAB / n - sumA * sumB / n / n) / Math.sqrt(varianceA * varianceB);
    }
}
