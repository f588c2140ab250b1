package tw.laborcloud.document.upload;

/**
 * What the upload request carried: the kind (a form field or the query parameter), the
 * file's name and declared type as the sender chose them, and the file itself, already
 * counted, hashed and copied to a temporary file. Closing it deletes that copy.
 */
record ReceivedUpload(String kind, String fileName, String declaredType, StagedFile file) implements AutoCloseable {

    @Override
    public void close() {
        if (file != null) {
            file.close();
        }
    }
}
