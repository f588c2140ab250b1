package tw.laborcloud.seal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Step 1 of a comparison: an image of a seal becomes its normalised ink map, {@value #SIDE} x {@value #SIDE} cells
 * each holding the share of ink in it (0..1). Ink is the darkest RGB channel (red ink is dark in green and blue,
 * paper is light in all three), binarised with Otsu's threshold; rows and columns with only a few ink pixels (dust,
 * scanner noise) are cropped away; the map is centred on the ink's centroid and scaled by its RMS radius (both
 * unchanged by rotation, barely moved by a stray stroke), area-averaged so that resolution does not matter, and
 * lightly blurred before it is compared (stroke width and anti-aliasing differ between scans).
 */
final class InkMaps {

    static final int SIDE = 128;

    /** Half the side of the sampled window, in RMS radii of the ink: holds a square seal's corners. */
    private static final double WINDOW_RADII = 1.6;

    /** Gray levels between Otsu's two class means below which the image has no ink, only noise. */
    private static final int MIN_CONTRAST = 48;

    /** Smallest share of the image that must be ink (a seal's border alone is far more). */
    private static final double MIN_INK_SHARE = 0.002;

    private InkMaps() {
    }

    /** The normalised ink map: SIDE x SIDE, each cell the share of ink in it (0..1). */
    static float[] of(BufferedImage image, String which) {
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

    /** The cell at (x, y), zero outside the map. */
    static float at(float[] map, int x, int y) {
        return x < 0 || y < 0 || x >= SIDE || y >= SIDE ? 0 : map[y * SIDE + x];
    }
}
