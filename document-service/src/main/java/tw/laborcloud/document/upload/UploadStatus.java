package tw.laborcloud.document.upload;

public enum UploadStatus {
    /** Uploaded by an applicant, waiting (until its expiry) for the application that refers to it. */
    STAGED,
    /** Taken by an application; kept as part of its file. */
    CLAIMED
}
