package tw.laborcloud.registration.registration;

import java.util.Arrays;
import java.util.Optional;

import tw.laborcloud.events.registration.DocumentKinds;

/**
 * The documents a registration refers to (uploaded beforehand to the document service).
 * The source marks only the charter as required, but its step 3 asks every union to upload
 * the certificate, the seal and the representative's seal, and step 4 compares them: without
 * them the bureau cannot approve, so the form requires them too.
 */
public enum DocumentKind {
    CHARTER(true),
    CERTIFICATE_SCAN(true),
    UNION_SEAL(true),
    REPRESENTATIVE_SEAL(true),
    HARASSMENT_EVIDENCE(false);

    private final boolean required;

    DocumentKind(boolean required) {
        this.required = required;
    }

    public boolean required() {
        return required;
    }

    /** The name shown to people, as the form and the events name it ({@link DocumentKinds#label}). */
    public String label() {
        return DocumentKinds.label(name());
    }

    /** The label of a kind by its name; the name itself for a kind this service does not know. */
    public static String labelOf(String kind) {
        return parse(kind).map(DocumentKind::label).orElse(kind);
    }

    public static Optional<DocumentKind> parse(String value) {
        return Arrays.stream(values()).filter(k -> k.name().equals(value)).findFirst();
    }
}
