package tw.laborcloud.registration.copy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The CJK font the copy embeds, carried by the service itself (src/main/resources/fonts, see its README): no
 * machine is assumed to have one installed. Read once; every PDF embeds the subset of it that its text uses.
 * It covers Big5's first level, so it also tells which characters it lacks, for the copy to draw a stand-in.
 *
 * <p>Parsing the 4 MB file was most of a copy's time and memory, so the service keeps {@value #FONTS} parsed copies
 * and lends them out ({@link #withFont}); FontBox reads a parsed font's glyphs from one shared buffer, so a copy
 * serves one PDF at a time. At most {@value #FONTS} PDFs are made at once: more would only share the same two
 * cores, and each font parsed per request let a burst of submissions run the heap out (found by the chaos test).
 */
final class CopyFont {

    static final String RESOURCE = "/fonts/uming-tw-big5-level1.ttf";
    /** Drawn for a character the font lacks (the real one stays in the text as ActualText). */
    static final int STAND_IN = '□';
    /** Parsed copies of the font, and so PDFs made at once. */
    static final int FONTS = 2;
    /** How long a copy waits for a font before it gives up (a burst far beyond what two cores can render). */
    static final Duration WAIT = Duration.ofSeconds(30);

    private static final CopyFont INSTANCE = load();

    private final byte[] bytes;
    private final BitSet covered;
    private final Semaphore lent = new Semaphore(FONTS, true);
    private final BlockingQueue<TrueTypeFont> idle = new ArrayBlockingQueue<>(FONTS);

    private CopyFont(byte[] bytes, BitSet covered) {
        this.bytes = bytes;
        this.covered = covered;
    }

    static CopyFont get() {
        return INSTANCE;
    }

    /** What a copy does with a parsed font of its own while it is made. */
    @FunctionalInterface
    interface FontWork<T> {
        T apply(TrueTypeFont font) throws IOException;
    }

    /**
     * Runs {@code work} with a parsed font no other thread uses meanwhile, waiting up to {@link #WAIT} for one;
     * the font is kept for the next copy.
     */
    <T> T withFont(FontWork<T> work) throws IOException {
        try {
            if (!lent.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("no font free for the submission copy within " + WAIT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the submission copy's font", e);
        }
        try {
            TrueTypeFont font = idle.poll();
            if (font == null) {
                font = parse(bytes);
            }
            try {
                return work.apply(font);
            } finally {
                // never more fonts than permits, so there is always room
                idle.add(font);
            }
        } finally {
            lent.release();
        }
    }

    /** The font for one document, embedded as a subset of the glyphs that document uses; the font stays open. */
    static PDType0Font embed(PDDocument document, TrueTypeFont font) throws IOException {
        return PDType0Font.load(document, font, true);
    }

    boolean covers(int codePoint) {
        return codePoint >= 0 && covered.get(codePoint);
    }

    private static TrueTypeFont parse(byte[] bytes) throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    }

    private static CopyFont load() {
        try (InputStream in = CopyFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font " + RESOURCE + " missing from the class path");
            }
            byte[] bytes = in.readAllBytes();
            BitSet covered = new BitSet(0x10000);
            try (TrueTypeFont font = parse(bytes)) {
                CmapLookup cmap = font.getUnicodeCmapLookup();
                for (int c = 0; c < 0x10000; c++) {
                    if (cmap.getGlyphId(c) > 0) {
                        covered.set(c);
                    }
                }
            }
            return new CopyFont(bytes, covered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
