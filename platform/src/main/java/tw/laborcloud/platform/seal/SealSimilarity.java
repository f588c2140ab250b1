package tw.laborcloud.platform.seal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

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

    static final int SIDE = 128;

    private static final String IMPRINT_VERSION = "ink1:";

    /** Half the side of the sampled window, in RMS radii of the ink: holds a square seal's corners. */
    private static final double WINDOW_RADII = 1.6;

    /** Gray levels between Otsu's two class means below which the image has no ink, only noise. */
    private static final int MIN_CONTRAST = 48;

    /** Smallest share of the image that must be ink (a seal's border alone is far more). */
    private static final double MIN_INK_SHARE = 0.002;

    private static final int MAX_SHIFT = 2;

    private static final double[] ANGLES = {0, -1, 1, -2, 2, -3, 3, -4, 4};

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

    private static final int HASH_SOURCE = 32;

    private static final int HASH_SIDE = 8;

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
        return compare(inkMap(registered, "registered"), inkMap(uploaded, "uploaded"));
    }

    /**
     * The seal's normalised ink map as text for an event: the document service computes it
     * from the upload when it verifies the documents, the review service compares it with the
     * registered seal's, so no service has to fetch another's files. One byte per cell,
     * deflated (mostly paper, so ~2–4 KB), Base64, with a version prefix.
     *
     * @throws IllegalArgumentException if the image is missing or shows no ink
     */
    public static String imprint(BufferedImage image) {
        float[] map = inkMap(image, "seal");
        byte[] cells = new byte[map.length];
        for (int i = 0; i < map.length; i++) {
            cells[i] = (byte) Math.round(map[i] * 255);
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(cells);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return IMPRINT_VERSION + Base64.getEncoder().encodeToString(out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    /**
     * Compares two imprints (see {@link #imprint}).
     *
     * @throws IllegalArgumentException if either is not an imprint of this version
     */
    public static Score compare(String registeredImprint, String uploadedImprint) {
        return compare(inkMap(registeredImprint, "registered"), inkMap(uploadedImprint, "uploaded"));
    }

    private static float[] inkMap(String imprint, String which) {
        if (imprint == null || !imprint.startsWith(IMPRINT_VERSION)) {
            throw new IllegalArgumentException("The " + which + " seal imprint is missing or of another version.");
        }
        byte[] deflated;
        try {
            deflated = Base64.getDecoder().decode(imprint.substring(IMPRINT_VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The " + which + " seal imprint is damaged.", e);
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            byte[] cells = new byte[SIDE * SIDE];
            int read = 0;
            while (read < cells.length && !inflater.finished()) {
                int n = inflater.inflate(cells, read, cells.length - read);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                read += n;
            }
            if (read != cells.length || !inflater.finished()) {
                throw new IllegalArgumentException("The " + which + " seal imprint is damaged.");
            }
            float[] map = new float[cells.length];
            for (int i = 0; i < cells.length; i++) {
                map[i] = (cells[i] & 0xff) / 255f;
            }
            return map;
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("The " + which + " seal imprint is damaged.", e);
        } finally {
            inflater.end();
        }
    }

    private static Score compare(float[] a, float[] b) {
        int distance = Long.bitCount(perceptualHash(a) ^ perceptualHash(b));
        float[] blurredA = blur(a);
        float[] blurredB = blur(b);
        Alignment alignment = align(blurredA, blurredB);
        double r = Math.min(alignment.correlation(), weakestRegions(blurredA, moved(blurredB, alignment)));
        int percent = (int) Math.round(Math.max(0, Math.min(1, r)) * 100);
        return new Score(percent, distance, METHOD);
    }

    /** The normalised ink map: SIDE x SIDE, each cell the share of ink in it (0..1). */
    static float[] inkMap(BufferedImage image, String which) {
        if (image == null) {
            throw new IllegalArgumentException("The " + which + " seal image is missing.");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = opaqueRgb(image);
        byte[] gray = new byte[rgb.length];
        int[] histogram = new int[256];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            int v = Math.min((p >> 16) & 0xff, Math.min((p >> 8) & 0xff, p & 0xff));
            gray[i] = (byte) v;
            histogram[v]++;
        }
        int threshold = otsuThreshold(histogram, rgb.length);
        if (threshold < 0) {
            throw noInk(which);
        }

        int[] rowInk = new int[h];
        int[] columnInk = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0, i = y * w; x < w; x++, i++) {
                if ((gray[i] & 0xff) <= threshold) {
                    rowInk[y]++;
                    columnInk[x]++;
                }
            }
        }
        // A seal's rows and columns hold many ink pixels; dust holds one or two.
        int top = first(rowInk, Math.max(2, w / 250));
        int bottom = last(rowInk, Math.max(2, w / 250));
        int left = first(columnInk, Math.max(2, h / 250));
        int right = last(columnInk, Math.max(2, h / 250));
        if (top < 0 || left < 0 || bottom - top < 8 || right - left < 8) {
            throw noInk(which);
        }

        int bw = right - left + 1;
        int bh = bottom - top + 1;
        // Summed-area table of the cropped ink: exact area averages at any scale.
        int[] sat = new int[(bw + 1) * (bh + 1)];
        long count = 0;
        double sumX = 0;
        double sumY = 0;
        double sumSq = 0;
        for (int y = 0; y < bh; y++) {
            int rowSum = 0;
            int base = (top + y) * w + left;
            for (int x = 0; x < bw; x++) {
                if ((gray[base + x] & 0xff) <= threshold) {
                    rowSum++;
                    count++;
                    sumX += x + 0.5;
                    sumY += y + 0.5;
                    sumSq += (x + 0.5) * (x + 0.5) + (y + 0.5) * (y + 0.5);
                }
                sat[(y + 1) * (bw + 1) + x + 1] = sat[y * (bw + 1) + x + 1] + rowSum;
            }
        }
        if (count < MIN_INK_SHARE * w * h) {
            throw noInk(which);
        }
        double cx = sumX / count;
        double cy = sumY / count;
        double radius = Math.sqrt(Math.max(1, sumSq / count - cx * cx - cy * cy));
        double half = WINDOW_RADII * radius;
        double cell = 2 * half / SIDE;

        double[] xs = new double[SIDE + 1];
        double[] ys = new double[SIDE + 1];
        for (int k = 0; k <= SIDE; k++) {
            xs[k] = Math.max(0, Math.min(bw, cx - half + k * cell));
            ys[k] = Math.max(0, Math.min(bh, cy - half + k * cell));
        }
        double[] grid = new double[(SIDE + 1) * (SIDE + 1)];
        for (int v = 0; v <= SIDE; v++) {
            for (int u = 0; u <= SIDE; u++) {
                grid[v * (SIDE + 1) + u] = satAt(sat, bw, bh, xs[u], ys[v]);
            }
        }
        float[] map = new float[SIDE * SIDE];
        double area = cell * cell;
        for (int v = 0; v < SIDE; v++) {
            for (int u = 0; u < SIDE; u++) {
                int g = v * (SIDE + 1) + u;
                double ink = grid[g + SIDE + 2] - grid[g + 1] - grid[g + SIDE + 1] + grid[g];
                map[v * SIDE + u] = (float) Math.max(0, Math.min(1, ink / area));
            }
        }
        return map;
    }

    private static IllegalArgumentException noInk(String which) {
        return new IllegalArgumentException("The " + which + " seal image shows no ink (blank or without contrast).");
    }

    /** Pixels as opaque RGB; transparency is flattened onto white paper. */
    private static int[] opaqueRgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage canvas = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return ((DataBufferInt) canvas.getRaster().getDataBuffer()).getData();
    }

    /**
     * Otsu's threshold (ink is {@code <=} it), or -1 when the two classes are too close to
     * be ink on paper: a blank page, or one colour only.
     */
    static int otsuThreshold(int[] histogram, int total) {
        double sumAll = 0;
        for (int v = 0; v < 256; v++) {
            sumAll += (double) v * histogram[v];
        }
        double sumBelow = 0;
        long countBelow = 0;
        double bestVariance = -1;
        int best = -1;
        double bestContrast = 0;
        for (int t = 0; t < 255; t++) {
            countBelow += histogram[t];
            sumBelow += (double) t * histogram[t];
            long countAbove = total - countBelow;
            if (countBelow == 0 || countAbove == 0) {
                continue;
            }
            double meanBelow = sumBelow / countBelow;
            double meanAbove = (sumAll - sumBelow) / countAbove;
            double variance = (double) countBelow * countAbove * (meanAbove - meanBelow) * (meanAbove - meanBelow);
            if (variance > bestVariance) {
                bestVariance = variance;
                best = t;
                bestContrast = meanAbove - meanBelow;
            }
        }
        return bestContrast >= MIN_CONTRAST ? best : -1;
    }

    private static int first(int[] counts, int min) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] >= min) {
                return i;
            }
        }
        return -1;
    }

    private static int last(int[] counts, int min) {
        for (int i = counts.length - 1; i >= 0; i--) {
            if (counts[i] >= min) {
                return i;
            }
        }
        return -1;
    }

    /** The summed-area table at fractional coordinates: bilinear, exact for a piecewise-constant image. */
    private static double satAt(int[] sat, int bw, int bh, double x, double y) {
        int x0 = Math.min((int) x, bw - 1);
        int y0 = Math.min((int) y, bh - 1);
        double fx = x - x0;
        double fy = y - y0;
        int stride = bw + 1;
        int i = y0 * stride + x0;
        double topRow = sat[i] + fx * (sat[i + 1] - sat[i]);
        double bottomRow = sat[i + stride] + fx * (sat[i + stride + 1] - sat[i + stride]);
        return topRow + fy * (bottomRow - topRow);
    }

    /** 3x3 box blur, zero outside. */
    static float[] blur(float[] map) {
        float[] horizontal = new float[map.length];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int i = y * SIDE + x;
                float s = map[i];
                if (x > 0) {
                    s += map[i - 1];
                }
                if (x < SIDE - 1) {
                    s += map[i + 1];
                }
                horizontal[i] = s;
            }
        }
        float[] out = new float[map.length];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int i = y * SIDE + x;
                float s = horizontal[i];
                if (y > 0) {
                    s += horizontal[i - SIDE];
                }
                if (y < SIDE - 1) {
                    s += horizontal[i + SIDE];
                }
                out[i] = s / 9f;
            }
        }
        return out;
    }

    /** How {@code b} is best turned and shifted onto {@code a}, and the Pearson correlation there. */
    record Alignment(double angle, int dx, int dy, double correlation) {
    }

    static Alignment align(float[] a, float[] b) {
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
    static float[] moved(float[] b, Alignment alignment) {
        float[] turned = alignment.angle() == 0 ? b : rotate(b, alignment.angle());
        float[] out = new float[b.length];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                out[y * SIDE + x] = at(turned, x - alignment.dx(), y - alignment.dy());
            }
        }
        return out;
    }

    /**
     * The mean of the weakest few regional correlations of two aligned maps: TILE x TILE
     * tiles every TILE/2 px that hold ink in either map, each at its best shift within
     * +-1 px (paper stretches unevenly, so regions may sit a pixel apart).
     */
    static double weakestRegions(float[] a, float[] b) {
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
                double vb = at(b, x + dx, y + dy);
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
                double v = (1 - fx) * (1 - fy) * at(map, x0, y0) + fx * (1 - fy) * at(map, x0 + 1, y0)
                        + (1 - fx) * fy * at(map, x0, y0 + 1) + fx * fy * at(map, x0 + 1, y0 + 1);
                out[y * SIDE + x] = (float) v;
            }
        }
        return out;
    }

    private static float at(float[] map, int x, int y) {
        return x < 0 || y < 0 || x >= SIDE || y >= SIDE ? 0 : map[y * SIDE + x];
    }

    /**
     * DCT perceptual hash as in pHash/imagehash: the map area-averaged to 32x32, its 8x8
     * lowest-frequency DCT coefficients, one bit each for "above their median".
     */
    static long perceptualHash(float[] map) {
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
