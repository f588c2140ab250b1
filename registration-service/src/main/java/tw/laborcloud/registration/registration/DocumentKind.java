package tw.laborcloud.registration.registration;

import java.util.Arrays;
import java.util.Optional;

/**
 * The documents a registration refers to (uploaded beforehand to the document service).
 * The source marks only the charter as required, but its step 3 asks every union to upload
 * the certificate, the seal and the representative's seal, and step 4 compares them: without
 * them the bureau cannot approve, so the form requires them too.
 */
public enum DocumentKind {
    CHARTER(true, "章程（PDF 檔）"),
    CERTIFICATE_SCAN(true, "附件一 立案證書"),
    UNION_SEAL(true, "附件二 圖記"),
    REPRESENTATIVE_SEAL(true, "附件三 負責人章"),
    HARASSMENT_EVIDENCE(false, "完成性騷擾防治措施佐證資料");

    private final boolean required;
    private final String label;

    DocumentKind(boolean required, String label) {
        this.required = required;
        this.label = label;
    }

    public boolean required() {
        return required;
    }

    public String label() {
        return label;
    }

    /** The label of a kind by its name; the name itself for a kind this service does not know. */
    public static String labelOf(String kind) {
        return parse(kind).map(DocumentKind::label).orElse(kind);
    }

    public static Optional<DocumentKind> parse(String value) {
        return Arrays.stream(values()).filter(k -> k.name().equals(value)).findFirst();
    }
}
