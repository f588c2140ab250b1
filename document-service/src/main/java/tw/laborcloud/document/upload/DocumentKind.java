package tw.laborcloud.document.upload;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import tw.laborcloud.events.registration.DocumentKinds;

/**
 * The documents an application carries (the kind strings of the events and the API),
 * each with the content types it accepts and its size limit: the registration's documents,
 * then the attachments of union-affairs filings. Their names shown to people are the events'
 * ({@link DocumentKinds#label}), the ones the form shows.
 */
public enum DocumentKind {

    /** The charter: a text document, so PDF only. */
    CHARTER(ContentTypes.PDF),
    CERTIFICATE_SCAN(ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    UNION_SEAL(ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    REPRESENTATIVE_SEAL(ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    HARASSMENT_EVIDENCE(ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),

    MEETING_MINUTES(ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    SIGN_IN_SHEET(ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    OFFICER_ROSTER(ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    ELECTION_MINUTES(ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    /** The amended charter: a text document like the charter, so PDF only. */
    AMENDED_CHARTER(ContentTypes.PDF),
    AMENDMENT_COMPARISON(ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    BOARD_RESOLUTION(ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    ADDRESS_PROOF(ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    WORK_PLAN(ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    BUDGET(ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    FINAL_ACCOUNTS(ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    AUDIT_TEAM_ROSTER(ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    MEMBER_ROSTER(ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    DEPARTED_MEMBER_ROSTER(ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    AUDIT_REPORT(ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP);

    /** The form's rule for every attachment: at most 10 MB. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private final List<String> allowedTypes;

    DocumentKind(String... allowedTypes) {
        this.allowedTypes = List.of(allowedTypes);
    }

    /** The kind of this name, exactly as the API spells it; empty for anything else. */
    public static Optional<DocumentKind> parse(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }

    /** The name shown to people (zh-TW), as the form and the events name it. */
    public String label() {
        return DocumentKinds.label(name());
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
