package tw.laborcloud.events.registration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The document kinds the events name ({@code SubmittedDocument.kind}, supplement requests),
 * with the label the form, the officers and the e-mails show. Part of the contract: a new
 * kind is added here, never renamed.
 */
public final class DocumentKinds {

    public static final String CHARTER = "CHARTER";
    public static final String CERTIFICATE_SCAN = "CERTIFICATE_SCAN";
    public static final String UNION_SEAL = "UNION_SEAL";
    public static final String REPRESENTATIVE_SEAL = "REPRESENTATIVE_SEAL";
    public static final String HARASSMENT_EVIDENCE = "HARASSMENT_EVIDENCE";

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put(CHARTER, "章程");
        LABELS.put(CERTIFICATE_SCAN, "附件一 立案證書");
        LABELS.put(UNION_SEAL, "附件二 圖記");
        LABELS.put(REPRESENTATIVE_SEAL, "附件三 負責人章");
        LABELS.put(HARASSMENT_EVIDENCE, "完成性騷擾防治措施佐證資料");
    }

    private DocumentKinds() {
    }

    public static boolean known(String kind) {
        return LABELS.containsKey(kind);
    }

    /** The zh-TW label, or the code itself for a kind this version does not know. */
    public static String label(String kind) {
        return Optional.ofNullable(kind).map(LABELS::get).orElse(kind);
    }

    public static Map<String, String> labels() {
        return Map.copyOf(LABELS);
    }
}
