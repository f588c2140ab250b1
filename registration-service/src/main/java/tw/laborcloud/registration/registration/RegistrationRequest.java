package tw.laborcloud.registration.registration;

import java.math.BigDecimal;
import java.util.List;

/**
 * The registration form as the applicant sends it (帳號註冊, every field of the source).
 * {@code account} is the 8-digit registration-certificate number; it becomes the
 * certificate number and the login name. The password lives only in this request: it is
 * hashed before anything is stored. Dates and counts arrive as typed so that a wrong value
 * gets a message on its own field rather than a failed parse of the whole request.
 */
public record RegistrationRequest(
        String account,
        String password,
        String passwordConfirm,
        String unionName,
        String unionType,
        String unionTaxId,
        String representative,
        String industry,
        AddressInput address,
        AddressInput mailingAddress,
        String foundedOn,
        CountsInput members,
        CountsInput memberRepresentatives,
        CountsInput directors,
        CountsInput supervisors,
        BigDecimal memberUnions,
        String contactName,
        String contactPhone,
        String fax,
        String contactEmail,
        String contactEmailConfirm,
        String backupEmail,
        Boolean harassmentPreventionDone,
        Boolean genderOneThirdRule,
        Boolean joinedHigherUnion,
        List<DocumentRef> documents,
        String captchaId,
        String captchaAnswer,
        String submissionId) {

    /** A form without a submission key (older pages, API clients that do not send one). */
    public RegistrationRequest(String account, String password, String passwordConfirm, String unionName,
            String unionType, String unionTaxId, String representative, String industry, AddressInput address,
            AddressInput mailingAddress, String foundedOn, CountsInput members, CountsInput memberRepresentatives,
            CountsInput directors, CountsInput supervisors, BigDecimal memberUnions, String contactName,
            String contactPhone, String fax, String contactEmail, String contactEmailConfirm, String backupEmail,
            Boolean harassmentPreventionDone, Boolean genderOneThirdRule, Boolean joinedHigherUnion,
            List<DocumentRef> documents, String captchaId, String captchaAnswer) {
        this(account, password, passwordConfirm, unionName, unionType, unionTaxId, representative, industry, address,
                mailingAddress, foundedOn, members, memberRepresentatives, directors, supervisors, memberUnions,
                contactName, contactPhone, fax, contactEmail, contactEmailConfirm, backupEmail,
                harassmentPreventionDone, genderOneThirdRule, joinedHigherUnion, documents, captchaId, captchaAnswer,
                null);
    }

    /** The city is always 新北市 and the postal code follows from the district. */
    public record AddressInput(String district, String street) {

        boolean isEmpty() {
            return (district == null || district.isBlank()) && (street == null || street.isBlank());
        }
    }

    /** Men and women; the total is computed, never taken from the client. */
    public record CountsInput(BigDecimal male, BigDecimal female) {
    }

    /**
     * A document uploaded beforehand: its kind, the upload's id and the ticket that came with it
     * from document-service ({@code tw.laborcloud.platform.uploads.UploadTickets}). The ticket is
     * checked on submission and not stored; what it vouches for (the file's name, size and SHA-256)
     * is kept as the registration's {@code uploadedFiles}.
     */
    public record DocumentRef(String kind, String uploadId, String ticket) {

        /** The reference as it is stored and announced: kind and upload, the ticket having done its work. */
        public DocumentRef withoutTicket() {
            return new DocumentRef(kind, uploadId, null);
        }

        @Override
        public String toString() {
            return "DocumentRef[kind=" + kind + ", uploadId=" + uploadId + "]";
        }
    }

    @Override
    public String toString() {
        // never let the password (or anyone's personal data) reach a log line through toString
        return "RegistrationRequest[account=" + account + "]";
    }
}
