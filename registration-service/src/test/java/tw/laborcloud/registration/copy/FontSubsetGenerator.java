package tw.laborcloud.registration.copy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * Makes the font the submission copy embeds ({@code src/main/resources/fonts/uming-tw-big5-level1.ttf}): AR PL UMing
 * TW (Debian's fonts-arphic-uming, Arphic Public License) cut down to the 5,401 hanzi of Big5's first level (the
 * frequently used characters, 0xA440-0xC67E), Big5's symbols, full-width forms and bopomofo, plus ASCII, Latin-1 and
 * the CJK punctuation block. The service must carry its font (a fresh machine has no CJK font) and the collection
 * is 21 MB of four flavours. Both levels of Big5 (13,053 hanzi) came to 11.1 MB against 4.4 MB for the first
 * level, so the second level's rare characters are left out: the PDF draws □ for them and keeps the real
 * character as the text's ActualText ({@link SubmissionCopyPdf}). PDFBox's own {@link TTFSubsetter} does the
 * cutting; {@link #TABLES} says what else is kept.
 * <p>
 * Rerun it (with {@code fonts-arphic-uming} installed) from the repository root:
 * <pre>
 * ./mvnw -B -q -pl registration-service -am install -DskipTests
 * ./mvnw -B -q -pl registration-service dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java -cp "$(cat /tmp/cp.txt):registration-service/target/test-classes" \
 *     tw.laborcloud.registration.copy.FontSubsetGenerator
 * </pre>
 * Arguments (all optional): the collection ({@value #SOURCE}), the output file ({@value #TARGET}) and {@code both}
 * for both levels of Big5.
 */
public final class FontSubsetGenerator {

    static final String SOURCE = "/usr/share/fonts/truetype/arphic/uming.ttc";
    static final String TARGET = "registration-service/src/main/resources/fonts/uming-tw-big5-level1.ttf";
    /** The Taiwan flavour of the collection (traditional glyph forms). */
    static final String FLAVOUR = "AR PL UMing TW";

    /**
     * The tables kept: what PDFBox needs to embed the font and a reader to draw it horizontally. Without a list
     * the subsetter would also copy the bitmap strikes (EBDT/EBLC, 3 MB) and vertical metrics unchanged, which
     * would no longer match the renumbered glyphs.
     */
    static final List<String> TABLES = List.of("head", "hhea", "maxp", "loca", "glyf", "hmtx", "cmap", "name",
            "OS/2", "post", "gasp", "cvt ", "fpgm", "prep");

    private FontSubsetGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args.length > 0 ? args[0] : SOURCE);
        Path target = Path.of(args.length > 1 ? args[1] : TARGET);
        boolean levelOneOnly = !(args.length > 2 && args[2].equals("both"));
        Set<Integer> wanted = characters(levelOneOnly);
        try (TrueTypeCollection collection = new TrueTypeCollection(source.toFile())) {
            TrueTypeFont font = flavour(collection);
            CmapLookup cmap = font.getUnicodeCmapLookup();
            Set<Integer> present = new TreeSet<>();
            for (int c : wanted) {
                if (cmap.getGlyphId(c) > 0) {
                    present.add(c);
                }
            }
            TTFSubsetter subsetter = new TTFSubsetter(font, TABLES);
            subsetter.addAll(present);
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(target)) {
                subsetter.writeToStream(out);
            }
            System.out.printf("%s: %d of %d wanted characters (%d missing in the font), %,d bytes%n", target,
                    present.size(), wanted.size(), wanted.size() - present.size(), Files.size(target));
        }
    }

    private static TrueTypeFont flavour(TrueTypeCollection collection) throws IOException {
        AtomicReference<TrueTypeFont> found = new AtomicReference<>();
        collection.processAllFonts(f -> {
            if (FLAVOUR.equals(f.getNaming().getFontFamily()) && found.get() == null) {
                found.set(f);
            }
        });
        if (found.get() == null) {
            throw new IllegalStateException("no " + FLAVOUR + " in the collection");
        }
        return found.get();
    }

    /** Every code point Big5 decodes to (outside the private use area), plus the blocks a form's text uses. */
    static Set<Integer> characters(boolean levelOneOnly) {
        Set<Integer> wanted = new TreeSet<>();
        range(wanted, 0x20, 0x7E); // ASCII
        range(wanted, 0xA0, 0xFF); // Latin-1 (names and addresses written in Latin letters)
        range(wanted, 0x2010, 0x2027); // dashes, quotes, bullet, ellipsis
        range(wanted, 0x3000, 0x303F); // CJK symbols and punctuation
        range(wanted, 0x3100, 0x312F); // bopomofo
        range(wanted, 0xFF01, 0xFF5E); // full-width forms
        wanted.add(0x25A1); // □: drawn for a character the font lacks
        wanted.add(0xFFFD);
        CharsetDecoder big5 = Charset.forName("Big5").newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int lead = 0xA1; lead <= 0xF9; lead++) {
            for (int trail : trailBytes()) {
                int code = lead << 8 | trail;
                if (levelOneOnly && code > 0xC67E) {
                    continue;
                }
                try {
                    CharBuffer decoded = big5.decode(ByteBuffer.wrap(new byte[] {(byte) lead, (byte) trail}));
                    decoded.codePoints().filter(c -> Character.getType(c) != Character.PRIVATE_USE)
                            .forEach(wanted::add);
                } catch (CharacterCodingException unassigned) {
                    // not every position of the table is a character
                }
            }
        }
        return wanted;
    }

    private static List<Integer> trailBytes() {
        List<Integer> trail = new java.util.ArrayList<>();
        for (int b = 0x40; b <= 0x7E; b++) {
            trail.add(b);
        }
        for (int b = 0xA1; b <= 0xFE; b++) {
            trail.add(b);
        }
        return trail;
    }

    private static void range(Set<Integer> set, int from, int to) {
        for (int c = from; c <= to; c++) {
            set.add(c);
        }
    }
}
