package tw.laborcloud.unionaffairs.filing;

/**
 * An upload staged in the document service, attached to a filing as this kind, with the
 * ticket document-service gave the union with it (checked on submission, kept with the draft
 * so that the page can send it again).
 */
record AttachmentRef(String kind, String uploadId, String ticket) {
}
