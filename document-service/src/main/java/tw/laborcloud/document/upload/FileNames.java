package tw.laborcloud.document.upload;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Makes an uploaded file's name safe to store, log and offer back as a download name:
 * only the last path segment, no control or invisible formatting characters (a
 * right-to-left override can make "gpj.exe" look like "exe.jpg"), none of the characters
 * Windows forbids in names, at most {@value #MAX_LENGTH} characters with the extension kept.
 */
public final class FileNames {

    public static final int MAX_LENGTH = 120;
    static final String FALLBACK = "document";
    private static final int MAX_EXTENSION = 10;
    /** What reads as an extension: a few letters or digits, at least one letter ("v1.2" has none). */
    private static final Pattern EXTENSION = Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9]{1,5}");

    private FileNames() {
    }

    public static String sanitise(String original) {
        if (original == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(original, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return;
            }
            kept.appendCodePoint("<>:\"|?*".indexOf(c) >= 0 ? '_' : Character.isWhitespace(c) ? ' ' : c);
        });
        // no hidden files, no "..", no trailing dots or spaces (Windows drops them)
        String cleaned = kept.toString().replaceAll(" {2,}", " ").strip()
                .replaceAll("^[. ]+", "").replaceAll("[. ]+$", "");
        if (cleaned.isEmpty()) {
            return FALLBACK;
        }
        return shorten(cleaned);
    }

    /**
     * The name a stored file is downloaded under: its (sanitised) name, ending with the
     * extension of the type detected from its content, whatever the sender called it, so that
     * the reader's computer opens it with the program for what it is ("seal.pdf" that is a
     * PNG is downloaded as "seal.png"). An extension that already fits is kept as written.
     */
    public static String downloadName(String name, String contentType) {
        List<String> extensions = ContentTypes.extensions(contentType);
        if (extensions.isEmpty()) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 ? name.substring(dot + 1) : "";
        if (extensions.contains(extension.toLowerCase(Locale.ROOT))) {
            return name;
        }
        String base = dot > 0 && EXTENSION.matcher(extension).matches() ? name.substring(0, dot) : name;
        return shorten(base + "." + extensions.getFirst());
    }

    /**
     * The Content-Disposition value that offers {@code name} as a download, encoded per
     * RFC 6266 / RFC 8187 ({@code filename*=UTF-8''...}), which every current browser
     * reads; no ASCII {@code filename=} fallback, which for a Chinese name would be underscores.
     */
    public static String attachment(String name) {
        StringBuilder header = new StringBuilder("attachment; filename*=UTF-8''");
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                header.append((char) c);
            } else {
                header.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return header.toString();
    }

    /** Cuts the base name so the whole is at most MAX_LENGTH code points, keeping a short extension. */
    private static String shorten(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION + 1 ? name.substring(dot) : "";
        String base = extension.isEmpty() ? name : name.substring(0, dot);
        int room = MAX_LENGTH - extension.codePointCount(0, extension.length());
        String cut = base.substring(0, base.offsetByCodePoints(0, room)).strip();
        return cut + extension;
    }
}
