package tw.laborcloud.registration.supplement;

import java.util.List;

import tw.laborcloud.registration.registration.RegistrationRequest;

/**
 * The applicant's answer to a supplement request: the replacement uploads, one per requested
 * kind, sent with the certificate number and the password chosen at registration, which
 * prove the applicant (no account exists yet). The password lives only in this request.
 */
public record SupplementRequest(String certificateNo, String password, List<RegistrationRequest.DocumentRef> documents) {

    @Override
    public String toString() {
        // never let the password reach a log line through toString
        return "SupplementRequest[certificateNo=" + certificateNo + ", documents=" + documents + "]";
    }
}
