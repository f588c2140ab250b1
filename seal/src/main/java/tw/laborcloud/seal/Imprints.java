package tw.laborcloud.seal;

import static tw.laborcloud.seal.InkMaps.SIDE;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * An ink map as text for an event, and back: one byte per cell, deflated (mostly paper, so about 2–4 KB), Base64,
 * with a version prefix. The document service writes it when it verifies an upload; the review service reads it
 * beside the registered seal's, so no service fetches another's files.
 */
final class Imprints {

    private static final String IMPRINT_VERSION = "ink1:";

    private Imprints() {
    }

    static String encode(float[] map) {
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

    static float[] decode(String imprint, String which) {
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
}
