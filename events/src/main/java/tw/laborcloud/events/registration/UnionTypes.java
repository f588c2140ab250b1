package tw.laborcloud.events.registration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The union types of the Labour Union Act that {@link UnionDetails#unionType()} names by code,
 * with their zh-TW labels (the form, the register and the officers use the same words).
 */
public final class UnionTypes {

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("ENTERPRISE", "企業工會");
        LABELS.put("INDUSTRIAL", "產業工會");
        LABELS.put("OCCUPATIONAL", "職業工會");
        LABELS.put("FEDERATION", "聯合組織");
    }

    private UnionTypes() {
    }

    public static Map<String, String> labels() {
        return Collections.unmodifiableMap(LABELS);
    }

    public static String label(String code) {
        return Optional.ofNullable(code).map(LABELS::get).orElse(code);
    }

    /** The code for a code or a label as people write it in a spreadsheet (e.g. 職業工會). */
    public static Optional<String> parse(String codeOrLabel) {
        if (codeOrLabel == null) {
            return Optional.empty();
        }
        String value = codeOrLabel.strip();
        if (LABELS.containsKey(value.toUpperCase(java.util.Locale.ROOT))) {
            return Optional.of(value.toUpperCase(java.util.Locale.ROOT));
        }
        return LABELS.entrySet().stream().filter(e -> e.getValue().equals(value)).map(Map.Entry::getKey).findFirst();
    }
}
