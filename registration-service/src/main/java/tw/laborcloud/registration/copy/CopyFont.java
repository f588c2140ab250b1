package tw.laborcloud.registration.copy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;

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
 */
final class CopyFont {

    static final String RESOURCE = "/fonts/uming-tw-big5-level1.ttf";
    /** Drawn for a character the font lacks (the real one stays in the text as ActualText). */
    static final int STAND_IN = '□';

    private static final CopyFont INSTANCE = load();

    private final byte[] bytes;
    private final BitSet covered;

    private CopyFont(byte[] bytes, BitSet covered) {
        this.bytes = bytes;
        this.covered = covered;
    }

    static CopyFont get() {
        return INSTANCE;
    }

    /** The font for one document, embedded as a subset of the glyphs that document uses. */
    PDType0Font embedIn(PDDocument document) throws IOException {
        return PDType0Font.load(document, new ByteArrayInputStream(bytes), true);
    }

    boolean covers(int codePoint) {
        return codePoint >= 0 && covered.get(codePoint);
    }

    private static CopyFont load() {
        try (InputStream in = CopyFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font " + RESOURCE + " missing from the class path");
            }
            byte[] bytes = in.readAllBytes();
            BitSet covered = new BitSet(0x10000);
            try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
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
