package tw.laborcloud.document.verification;

/**
 * What a check found about one document; the names travel as strings in
 * DocumentsVerified and are shown to the reviewing officer. Any finding makes the
 * verdict NEEDS_ATTENTION. The intake refuses some of the same conditions outright
 * (IMAGE_TOO_LARGE, POLYGLOT, a type the kind does not take, and what
 * {@link #unusable()} names); the checks still report them for uploads accepted before a
 * rule existed.
 */
public enum Finding {
    /** The application names no upload for a required kind (the charter). */
    DOCUMENT_NOT_SUBMITTED,
    /** No upload with this id (never uploaded, or deleted after expiry), or its content is gone. */
    UPLOAD_MISSING,
    /** The upload expired before the application claimed it. */
    UPLOAD_EXPIRED,
    /** Another application claimed this upload first. */
    UPLOAD_CLAIMED_BY_OTHER_APPLICATION,
    /** The upload was made as another kind than the application files it under. */
    UPLOAD_KIND_MISMATCH,
    /** The application names a kind the service does not know. */
    KIND_UNKNOWN,
    /** The content type is not one the kind accepts (e.g. an image filed as the charter). */
    FILE_TYPE_NOT_ALLOWED,
    /** The stored bytes no longer hash to what was uploaded. */
    CONTENT_CHANGED,
    /** Another document of the application has exactly the same content. */
    DUPLICATE_FILE,
    /** The file is also another format (a ZIP archive, a web page, a PDF inside an image). */
    POLYGLOT,
    PDF_UNREADABLE,
    /** The file stops before the PDF's end marker: an interrupted upload or scan; pages may be missing. */
    PDF_TRUNCATED,
    /** Needs a password to open, or carries restrictions (printing, copying) the archive cannot accept. */
    PDF_ENCRYPTED,
    PDF_NO_PAGES,
    /** Carries JavaScript (an open action, a page or form action, a document-level script). */
    PDF_JAVASCRIPT,
    /** Carries attached files, which nobody reviews as part of the document. */
    PDF_EMBEDDED_FILES,
    IMAGE_UNREADABLE,
    /** The decoder had to paper over damaged data (other than a missing end; many cameras write harmless slips). */
    IMAGE_DAMAGED,
    /** The image data ends before the pixels its header declares: an interrupted upload or scan. */
    IMAGE_TRUNCATED,
    /** More pixels than the service decodes; known from the header alone. */
    IMAGE_TOO_LARGE,
    /**
     * The checks (or the rendering of the seal) did not finish within the time limit per
     * document ({@code laborcloud.documents.work-timeout}); an officer must look at it.
     */
    CHECK_TIMED_OUT,
    /** The number read on the registration certificate (twice alike) is not the form's account. */
    CERTIFICATE_NUMBER_DIFFERS,
    /** The union's name read on the registration certificate is not the form's (more than a misread character apart). */
    CERTIFICATE_NAME_DIFFERS,
    /** The registration certificate names another government than the city's as its issuer. */
    CERTIFICATE_ISSUER_OTHER;

    /**
     * Whether a file with this finding cannot be used at all, whoever looks at it: cut off,
     * locked, without pages. The intake refuses such files; an officer judges the rest.
     */
    public boolean unusable() {
        return this == PDF_TRUNCATED || this == PDF_ENCRYPTED || this == PDF_NO_PAGES || this == IMAGE_TRUNCATED;
    }
}
