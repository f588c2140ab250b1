package tw.laborcloud.document.upload;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The documents an application carries (the kind strings of the events and the API),
 * each with the content types it accepts and its size limit.
 */
public enum DocumentKind {

    /** 章程: a text document, so PDF only. */
    CHARTER("章程", ContentTypes.PDF),
    /** 附件一 立案證書 */
    CERTIFICATE_SCAN("立案證書", ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    /** 附件二 圖記 */
    UNION_SEAL("工會圖記", ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    /** 附件三 負責人章 */
    REPRESENTATIVE_SEAL("負責人章", ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    /** 完成性騷擾防治措施佐證資料 */
    HARASSMENT_EVIDENCE("性騷擾防治措施佐證資料", ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP);

    /** The form's rule for every attachment: at most 10 MB. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private final String label;
    private final List<String> allowedTypes;

    DocumentKind(String label, String... allowedTypes) {
        this.label = label;
        this.allowedTypes = List.of(allowedTypes);
    }

    /** The kind of this name, exactly as the API spells it; empty for anything else. */
    public static Optional<DocumentKind> parse(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }

    /** The name shown to people (zh-TW). */
    public String label() {
        return label;
    }

    public List<String> allowedTypes() {
        return allowedTypes;
    }

    /** Whether content of this (normalised) type may be filed as this kind. */
    public boolean allows(String contentType) {
        return allowedTypes.contains(ContentTypes.normalise(contentType));
    }

    public long maxBytes() {
        return MAX_BYTES;
    }

    /** "PDF（application/pdf）、JPG（image/jpeg）..." for messages. */
    public String describeAllowedTypes() {
        return allowedTypes.stream().map(ContentTypes::describe).collect(Collectors.joining("、"));
    }
}
