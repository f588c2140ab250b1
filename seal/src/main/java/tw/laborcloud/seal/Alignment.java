package tw.laborcloud.seal;

import static tw.laborcloud.seal.InkMaps.SIDE;

/**
 * Step 2: how an uploaded seal's ink map is best turned (±4°, a stamp is rarely straight) and shifted (±2 px) onto
 * the registered one's, and the Pearson correlation of the whole seal there.
 *
 * @param angle       degrees {@code b} is turned about the map's centre
 * @param dx          cells it is shifted right
 * @param dy          cells it is shifted down
 * @param correlation Pearson's r of the two maps so aligned
 */
record Alignment(double angle, int dx, int dy, double correlation) {

    private static final int MAX_SHIFT = 2;

    private static final double[] ANGLES = {0, -1, 1, -2, 2, -3, 3, -4, 4};

    /** The best turn and shift of {@code b} onto {@code a} within ±4° and ±2 px. */
    static Alignment of(float[] a, float[] b) {
        int n = a.length;
        double sumA = 0;
        double sumAA = 0;
        for (float v : a) {
            sumA += v;
            sumAA += v * v;
        }
        double varianceA = n * sumAA - sumA * sumA;
        Alignment best = new Alignment(0, 0, 0, -1);
        for (double angle : ANGLES) {
            float[] turned = angle == 0 ? b : rotate(b, angle);
            for (int dy = -MAX_SHIFT; dy <= MAX_SHIFT; dy++) {
                for (int dx = -MAX_SHIFT; dx <= MAX_SHIFT; dx++) {
                    double r = correlation(a, sumA, varianceA, turned, dx, dy);
                    if (r > best.correlation()) {
                        best = new Alignment(angle, dx, dy, r);
                    }
                }
            }
        }
        return best;
    }

    /** Pearson correlation of {@code a} with {@code b} shifted by (dx, dy), zero where it leaves the map. */
    private static double correlation(float[] a, double sumA, double varianceA, float[] b, int dx, int dy) {
        double sumB = 0;
        double sumBB = 0;
        double sumAB = 0;
        for (int y = Math.max(0, dy); y < Math.min(SIDE, SIDE + dy); y++) {
            int rowA = y * SIDE;
            int rowB = (y - dy) * SIDE - dx;
            for (int x = Math.max(0, dx); x < Math.min(SIDE, SIDE + dx); x++) {
                float v = b[rowB + x];
                sumB += v;
                sumBB += v * v;
                sumAB += a[rowA + x] * v;
            }
        }
        int n = a.length;
        double varianceB = n * sumBB - sumB * sumB;
        if (varianceA <= 0 || varianceB <= 0) {
            return 0;
        }
        return (n * sumAB - sumA * sumB) / Math.sqrt(varianceA * varianceB);
    }

    /** {@code b} turned and shifted as the alignment says, zero where it leaves the map. */
    float[] apply(float[] b) {
        float[] turned = angle == 0 ? b : rotate(b, angle);
        float[] out = new float[b.length];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                out[y * SIDE + x] = InkMaps.at(turned, x - dx, y - dy);
            }
        }
        return out;
    }

    /** The map turned about its centre (the ink centroid), bilinear, zero outside. */
    private static float[] rotate(float[] map, double degrees) {
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        double c = SIDE / 2.0;
        float[] out = new float[map.length];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double px = x + 0.5 - c;
                double py = y + 0.5 - c;
                double sx = cos * px + sin * py + c - 0.5;
                double sy = -sin * px + cos * py + c - 0.5;
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                double fx = sx - x0;
                double fy = sy - y0;
                double v = (1 - fx) * (1 - fy) * InkMaps.at(map, x0, y0) + fx * (1 - fy) * InkMaps.at(map, x0 + 1, y0)
                        + (1 - fx) * fy * InkMaps.at(map, x0, y0 + 1) + fx * fy * InkMaps.at(map, x0 + 1, y0 + 1);
                out[y * SIDE + x] = (float) v;
            }
        }
        return out;
    }
}
