package tw.laborcloud.unionaffairs.filing;

/** An upload staged in the document service, attached to a filing as this kind. */
record AttachmentRef(String kind, String uploadId) {
}
