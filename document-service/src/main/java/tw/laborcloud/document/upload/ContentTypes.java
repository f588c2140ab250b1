package tw.laborcloud.document.upload;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.tika.Tika;

/**
 * The content types the service deals with, and detection from the bytes alone: the
 * file name and the type the browser declared are never consulted, since both are
 * whatever the sender chose.
 */
public final class ContentTypes {

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String BMP = "image/bmp";

    /** Tika's magic-byte detector; thread-safe, and loading its type database once is enough. */
    private static final Tika TIKA = new Tika();

    /** Types that are the same format under an older or vendor name. */
    private static final Map<String, String> ALIASES = Map.of(
            "image/x-ms-bmp", BMP,
            "image/x-bmp", BMP,
            "image/pjpeg", JPEG);

    private static final Map<String, String> LABELS = Map.of(PDF, "PDF", JPEG, "JPG", BMP, "BMP");

    /** The file-name extensions of the types, the first the one a download is named with. */
    private static final Map<String, List<String>> EXTENSIONS = Map.of(
            PDF, List.of("pdf"),
            JPEG, List.of("jpg", "jpeg", "jpe", "jfif"),
            BMP, List.of("bmp", "dib"),
            "image/png", List.of("png"),
            "image/gif", List.of("gif"));

    private ContentTypes() {
    }

    /** Detects the type of the file's content (by its bytes only), normalised. */
    public static String detect(Path file) throws IOException {
        // a plain stream, not Tika.detect(Path), which would also look at the file name
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return normalise(TIKA.detect(in));
        }
    }

    /** Lower-case, without parameters, aliases folded into the canonical name. */
    public static String normalise(String type) {
        if (type == null || type.isBlank()) {
            return "application/octet-stream";
        }
        String bare = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(bare, bare);
    }

    /** How a person names the format, e.g. "PDF（application/pdf）". */
    public static String describe(String type) {
        String label = LABELS.get(type);
        return label == null ? type : label + "（" + type + "）";
    }

    /** The extensions files of this type are named with (without the dot), the usual one first; empty if unknown. */
    public static List<String> extensions(String type) {
        return EXTENSIONS.getOrDefault(normalise(type), List.of());
    }

    public static boolean isPdf(String type) {
        return PDF.equals(type);
    }

    public static boolean isImage(String type) {
        return JPEG.equals(type) || BMP.equals(type);
    }
}
