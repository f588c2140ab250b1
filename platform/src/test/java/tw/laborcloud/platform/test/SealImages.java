package tw.laborcloud.platform.test;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws seal-like test images (a red border with CJK text on white, 400x400) and their
 * "scanned" versions, so tests of uploads and seal comparison need no binary fixtures.
 * Everything is deterministic for a given text and seed. No font is used: each character is
 * drawn as its own set of brush strokes (horizontal, vertical, falling to the left and to the
 * right), chosen by its code point, so that the images are the same on every machine, with or
 * without CJK fonts, and different characters give different ink.
 */
public final class SealImages {

    public static final int SIZE = 400;

    private static final Color[] INKS = {
        new Color(200, 20, 30), new Color(170, 0, 20), new Color(215, 45, 40), new Color(185, 25, 60)
    };

    private SealImages() {
    }

    /**
     * A seal with {@code text} read in traditional order (top to bottom, right to left).
     * The seed picks the layout: square, round (text around the rim, a star inside),
     * double-bordered square, or rounded rectangle; and the ink colour and stroke widths.
     */
    public static BufferedImage seal(String text, long variantSeed) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("seal text must not be blank");
        }
        SplittableRandom random = new SplittableRandom(variantSeed);
        int layout = random.nextInt(4);
        Color ink = INKS[random.nextInt(INKS.length)];
        float border = 9 + random.nextInt(8);
        boolean bold = random.nextBoolean();

        BufferedImage image = whitePaper(SIZE, SIZE);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(ink);
            g.setStroke(new BasicStroke(border));
            float weight = bold ? 0.11f : 0.085f;
            switch (layout) {
                case 0 -> {
                    g.draw(new Rectangle2D.Double(40, 40, 320, 320));
                    drawGrid(g, weight, text, new Rectangle2D.Double(40 + border, 40 + border,
                            320 - 2 * border, 320 - 2 * border));
                }
                case 1 -> {
                    g.draw(new Ellipse2D.Double(30, 30, 340, 340));
                    drawAroundRim(g, weight, text, 200, 200, 170 - border / 2 - 34, 54);
                    g.fill(star(200, 200, 52, 21));
                }
                case 2 -> {
                    g.draw(new Rectangle2D.Double(34, 34, 332, 332));
                    g.setStroke(new BasicStroke(border / 2.5f));
                    g.draw(new Rectangle2D.Double(34 + border + 6, 34 + border + 6,
                            332 - 2 * (border + 6), 332 - 2 * (border + 6)));
                    double inset = 34 + 1.5 * border + 12;
                    drawGrid(g, weight, text, new Rectangle2D.Double(inset, inset, SIZE - 2 * inset,
                            SIZE - 2 * inset));
                }
                default -> {
                    g.draw(new RoundRectangle2D.Double(70, 30, 260, 340, 60, 60));
                    drawGrid(g, weight, text, new Rectangle2D.Double(70 + border + 6, 30 + border + 6,
                            260 - 2 * (border + 6), 340 - 2 * (border + 6)));
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * The seal as a scanner would return it: rotated about the centre, scaled, shifted,
     * on slightly off-white paper with light gray noise and a few specks. Same size as the input.
     */
    public static BufferedImage scanned(BufferedImage seal, double rotateDegrees, int shiftX, int shiftY,
            double scale, long noiseSeed) {
        int w = seal.getWidth();
        int h = seal.getHeight();
        BufferedImage placed = whitePaper(w, h);
        Graphics2D g = placed.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            AffineTransform t = new AffineTransform();
            t.translate(w / 2.0 + shiftX, h / 2.0 + shiftY);
            t.rotate(Math.toRadians(rotateDegrees));
            t.scale(scale, scale);
            t.translate(-w / 2.0, -h / 2.0);
            g.drawImage(seal, t, null);
        } finally {
            g.dispose();
        }

        // Ink darkens the paper (multiply), so the seal's white never shows as a patch.
        SplittableRandom random = new SplittableRandom(noiseSeed);
        int paperR = 246 - random.nextInt(6);
        int paperG = 243 - random.nextInt(6);
        int paperB = 236 - random.nextInt(8);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = placed.getRGB(x, y);
                double noise = random.nextGaussian() * 4;
                if (random.nextInt(2000) == 0) {
                    noise -= 40 + random.nextInt(50); // a speck of dust
                }
                int r = clamp(paperR * ((p >> 16) & 0xff) / 255.0 + noise);
                int gr = clamp(paperG * ((p >> 8) & 0xff) / 255.0 + noise);
                int b = clamp(paperB * (p & 0xff) / 255.0 + noise);
                out.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        return out;
    }

    /**
     * The image scaled uniformly to fit a {@code width} x {@code height} white canvas,
     * centred: the same seal at another resolution and aspect.
     */
    public static BufferedImage onCanvas(BufferedImage image, int width, int height) {
        double scale = Math.min((double) width / image.getWidth(), (double) height / image.getHeight());
        BufferedImage out = whitePaper(width, height);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            int w = (int) Math.round(image.getWidth() * scale);
            int h = (int) Math.round(image.getHeight() * scale);
            g.drawImage(image.getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING),
                    (width - w) / 2, (height - h) / 2, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** A blank page as scanned: off-white with noise, no ink. */
    public static BufferedImage blank(int width, int height, long noiseSeed) {
        return scanned(whitePaper(width, height), 0, 0, 0, 1, noiseSeed);
    }

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** BMP, the third format uploads accept. */
    public static byte[] bmp(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "bmp", bytes)) {
                throw new IllegalStateException("no BMP writer for image type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** JPEG at quality 0.85, as a typical scanner or phone would save it. */
    public static byte[] jpeg(BufferedImage image) {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            // JPEG has no alpha: flatten onto white first.
            rgb = whitePaper(image.getWidth(), image.getHeight());
            Graphics2D g = rgb.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        return jpeg(rgb, 0.85f);
    }

    /** JPEG of an opaque image (RGB, or grey as a grey scan) at this quality, 0 to 1. */
    public static byte[] jpeg(BufferedImage opaque, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(opaque, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Decodes PNG/JPEG/BMP bytes, as the service would read an upload. */
    public static BufferedImage read(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalArgumentException("not a readable image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An opaque RGB image, all white. */
    public static BufferedImage whitePaper(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Characters in columns, right to left, each glyph stretched to fill its cell as
     * seal engravers do: 1-4 characters in one row, then 2 or 3 columns.
     */
    private static void drawGrid(Graphics2D g, float weight, String text, Rectangle2D area) {
        int[] chars = text.codePoints().toArray();
        int n = chars.length;
        int columns = n <= 2 ? n : n <= 4 ? 2 : n <= 9 ? 3 : 4;
        int rows = (n + columns - 1) / columns;
        double cellW = area.getWidth() / columns;
        double cellH = area.getHeight() / rows;
        double gap = Math.min(cellW, cellH) * 0.08;
        for (int i = 0; i < n; i++) {
            int column = columns - 1 - i / rows;
            int row = i % rows;
            Rectangle2D cell = new Rectangle2D.Double(area.getX() + column * cellW + gap,
                    area.getY() + row * cellH + gap, cellW - 2 * gap, cellH - 2 * gap);
            g.fill(fitted(weight, chars[i], cell));
        }
    }

    /** Characters evenly along the upper rim (from about 8 to 4 o'clock), upright towards the centre. */
    private static void drawAroundRim(Graphics2D g, float weight, String text, double cx, double cy,
            double radius, double glyph) {
        int[] chars = text.codePoints().toArray();
        int n = chars.length;
        double span = Math.toRadians(Math.min(240, 30.0 * n));
        // Long names get smaller characters rather than overlapping ones.
        double size = n == 1 ? glyph : Math.min(glyph, 0.9 * radius * span / (n - 1));
        for (int i = 0; i < n; i++) {
            double angle = n == 1 ? 0 : -span / 2 + span * i / (n - 1);
            Shape shape = fitted(weight, chars[i], new Rectangle2D.Double(-size / 2, -size / 2, size, size));
            AffineTransform t = new AffineTransform();
            t.translate(cx + radius * Math.sin(angle), cy - radius * Math.cos(angle));
            t.rotate(angle);
            g.fill(t.createTransformedShape(shape));
        }
    }

    /** The character's strokes stretched to fill its cell, as seal engravers do. */
    private static Shape fitted(float weight, int codePoint, Rectangle2D cell) {
        AffineTransform t = new AffineTransform();
        t.translate(cell.getX(), cell.getY());
        t.scale(cell.getWidth(), cell.getHeight());
        return t.createTransformedShape(glyph(codePoint, weight));
    }

    /**
     * A character as 5–9 brush strokes in the unit square, the same for the same code point:
     * horizontals and verticals (most strokes of a CJK character) and a few falling strokes.
     */
    private static Shape glyph(int codePoint, float weight) {
        SplittableRandom random = new SplittableRandom(0x5EA1L * 31 + codePoint);
        Path2D.Double strokes = new Path2D.Double();
        int count = 5 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            double at = 0.1 + 0.8 * random.nextDouble();
            double from = 0.05 + 0.4 * random.nextDouble();
            double to = from + 0.3 + (0.9 - from - 0.3) * random.nextDouble();
            switch (random.nextInt(6)) {
                case 0, 1 -> { // horizontal
                    strokes.moveTo(from, at);
                    strokes.lineTo(to, at);
                }
                case 2, 3 -> { // vertical
                    strokes.moveTo(at, from);
                    strokes.lineTo(at, to);
                }
                case 4 -> { // falling to the left
                    strokes.moveTo(at, from);
                    strokes.lineTo(Math.max(0.05, at - (to - from) * 0.6), to);
                }
                default -> { // falling to the right
                    strokes.moveTo(at, from);
                    strokes.lineTo(Math.min(0.95, at + (to - from) * 0.6), to);
                }
            }
        }
        return new BasicStroke(weight, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER).createStrokedShape(strokes);
    }

    private static Shape star(double cx, double cy, double outer, double inner) {
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double a = Math.PI * i / 5 - Math.PI / 2;
            double x = cx + r * Math.cos(a);
            double y = cy + r * Math.sin(a);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
        return path;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
