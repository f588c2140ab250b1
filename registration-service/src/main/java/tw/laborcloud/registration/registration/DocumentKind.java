package tw.laborcloud.registration.registration;

import java.util.Arrays;
import java.util.Optional;

/** The documents a registration refers to (uploaded beforehand to the document service). */
public enum DocumentKind {
    CHARTER(true),
    CERTIFICATE_SCAN(false),
    UNION_SEAL(false),
    REPRESENTATIVE_SEAL(false),
    HARASSMENT_EVIDENCE(false);

    private final boolean required;

    DocumentKind(boolean required) {
        this.required = required;
    }

    public boolean required() {
        return required;
    }

    public static Optional<DocumentKind> parse(String value) {
        return Arrays.stream(values()).filter(k -> k.name().equals(value)).findFirst();
    }
}
