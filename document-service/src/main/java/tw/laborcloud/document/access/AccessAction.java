package tw.laborcloud.document.access;

/** What a reader did with a document, as the access log records it. */
public enum AccessAction {
    DOWNLOAD,
    PREVIEW,
    METADATA
}
