package tw.laborcloud.registration.registration;

import java.util.List;

/**
 * What the applicant sends. {@code account} is the 8-digit registration-certificate
 * number; it becomes the certificate number and the login name. The password lives only
 * in this request: it is hashed before anything is stored.
 */
public record RegistrationRequest(
        String account,
        String password,
        String passwordConfirm,
        String unionName,
        String contactEmail,
        String contactEmailConfirm,
        List<DocumentRef> documents) {

    public record DocumentRef(String kind, String uploadId) {
    }

    @Override
    public String toString() {
        // never let the password reach a log line through toString
        return "RegistrationRequest[account=" + account + ", unionName=" + unionName + "]";
    }
}
