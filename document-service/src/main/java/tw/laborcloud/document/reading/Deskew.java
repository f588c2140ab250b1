package tw.laborcloud.document.reading;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;

/**
 * Straightens a page scanned a little crooked. The angle is the one at which the dark pixels
 * line up best in rows (the variance of the row sums is highest: text lines are dense rows
 * with empty rows between), searched from −5° to +5° in quarter degrees on a copy of the page
 * about 600 px wide. Boxes found on the straightened page are turned back onto the original.
 */
final class Deskew {

    static final double MAX_DEGREES = 5;
    private static final double STEP = 0.25;
    private static final int SAMPLE_WIDTH = 600;

    private Deskew() {
    }

    /** The page as grey levels, turned by {@code -degrees} about its centre (the gaps filled white). */
    static BufferedImage straighten(BufferedImage page, double degrees) {
        BufferedImage straight = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = straight.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, page.getWidth(), page.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.rotate(Math.toRadians(-degrees), page.getWidth() / 2.0, page.getHeight() / 2.0);
            g.drawImage(page, 0, 0, null);
        } finally {
            g.dispose();
        }
        return straight;
    }

    /** The angle (degrees, clockwise positive as the page appears) by which the text lines lean. */
    static double angle(BufferedImage page) {
        double scale = Math.min(1.0, (double) SAMPLE_WIDTH / page.getWidth());
        int width = Math.max(1, (int) (page.getWidth() * scale));
        int height = Math.max(1, (int) (page.getHeight() * scale));
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(page, 0, 0, width, height, null);
        g.dispose();
        int[] xs = new int[width * height];
        int[] ys = new int[width * height];
        int dark = 0;
        long sum = 0;
        int[] grey = small.getRaster().getPixels(0, 0, width, height, (int[]) null);
        for (int v : grey) {
            sum += v;
        }
        int threshold = (int) Math.min(128, sum / Math.max(1, grey.length) * 6 / 10);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (grey[y * width + x] < threshold) {
                    xs[dark] = x;
                    ys[dark] = y;
                    dark++;
                }
            }
        }
        if (dark < 50) {
            return 0;
        }
        double best = 0;
        double bestScore = -1;
        int rows = height * 2 + width;
        for (double degrees = -MAX_DEGREES; degrees <= MAX_DEGREES + 1e-9; degrees += STEP) {
            double radians = Math.toRadians(degrees);
            double sin = Math.sin(radians);
            double cos = Math.cos(radians);
            int[] counts = new int[rows];
            for (int i = 0; i < dark; i++) {
                // the row this pixel falls in once the page is turned back by the angle
                int row = (int) Math.round(ys[i] * cos - xs[i] * sin) + width;
                if (row >= 0 && row < rows) {
                    counts[row]++;
                }
            }
            double score = 0;
            for (int c : counts) {
                score += (double) c * c;
            }
            if (score > bestScore + 1e-6) {
                bestScore = score;
                best = degrees;
            }
        }
        return Math.abs(best) < STEP / 2 ? 0 : best;
    }

    /** A box found on the page straightened by {@code degrees}, as the box around it on the original page. */
    static Rectangle onOriginal(Rectangle box, double degrees, int width, int height) {
        if (degrees == 0) {
            return box;
        }
        AffineTransform back = AffineTransform.getRotateInstance(Math.toRadians(degrees), width / 2.0, height / 2.0);
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double[] corner : new double[][] { { box.x, box.y }, { box.x + box.width, box.y },
            { box.x, box.y + box.height }, { box.x + box.width, box.y + box.height } }) {
            Point2D p = back.transform(new Point2D.Double(corner[0], corner[1]), null);
            minX = Math.min(minX, p.getX());
            minY = Math.min(minY, p.getY());
            maxX = Math.max(maxX, p.getX());
            maxY = Math.max(maxY, p.getY());
        }
        return new Rectangle((int) Math.floor(minX), (int) Math.floor(minY), (int) Math.ceil(maxX - minX),
                (int) Math.ceil(maxY - minY));
    }
}
