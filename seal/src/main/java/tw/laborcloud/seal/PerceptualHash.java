package tw.laborcloud.seal;

import static tw.laborcloud.seal.InkMaps.SIDE;

import java.util.Arrays;

/** Beside the score: how far apart two seals' perceptual hashes are (0..64 bits), for the officer's tooltip. */
final class PerceptualHash {

    private static final int HASH_SOURCE = 32;

    private static final int HASH_SIDE = 8;

    private PerceptualHash() {
    }

    /**
     * DCT perceptual hash as in pHash/imagehash: the map area-averaged to 32x32, its 8x8
     * lowest-frequency DCT coefficients, one bit each for "above their median".
     */
    static long of(float[] map) {
        int block = SIDE / HASH_SOURCE;
        double[] small = new double[HASH_SOURCE * HASH_SOURCE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                small[(y / block) * HASH_SOURCE + x / block] += map[y * SIDE + x];
            }
        }
        double[][] cos = new double[HASH_SIDE][HASH_SOURCE];
        for (int k = 0; k < HASH_SIDE; k++) {
            for (int i = 0; i < HASH_SOURCE; i++) {
                cos[k][i] = Math.cos(Math.PI * (i + 0.5) * k / HASH_SOURCE);
            }
        }
        // Separable DCT-II, only the coefficients the hash keeps.
        double[] rows = new double[HASH_SIDE * HASH_SOURCE];
        for (int y = 0; y < HASH_SOURCE; y++) {
            for (int u = 0; u < HASH_SIDE; u++) {
                double s = 0;
                for (int x = 0; x < HASH_SOURCE; x++) {
                    s += small[y * HASH_SOURCE + x] * cos[u][x];
                }
                rows[u * HASH_SOURCE + y] = s;
            }
        }
        double[] coefficients = new double[HASH_SIDE * HASH_SIDE];
        for (int v = 0; v < HASH_SIDE; v++) {
            for (int u = 0; u < HASH_SIDE; u++) {
                double s = 0;
                for (int y = 0; y < HASH_SOURCE; y++) {
                    s += rows[u * HASH_SOURCE + y] * cos[v][y];
                }
                coefficients[v * HASH_SIDE + u] = s;
            }
        }
        double[] sorted = coefficients.clone();
        Arrays.sort(sorted);
        double median = (sorted[31] + sorted[32]) / 2;
        long hash = 0;
        for (int i = 0; i < coefficients.length; i++) {
            if (coefficients[i] > median) {
                hash |= 1L << i;
            }
        }
        return hash;
    }
}
