package tw.laborcloud.registration.registration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import tw.laborcloud.platform.uploads.TestUploadTickets;
import tw.laborcloud.registration.account.PasswordHash;

/** A complete, valid registration form, and variations of it, for tests. */
public final class RegistrationForms {

    public static final String PASSWORD = "Secret-Pass1";

    private RegistrationForms() {
    }

    public static RegistrationRequest valid() {
        return valid("12345678", "clerk@union.example", "captcha-id", "TEST");
    }

    public static RegistrationRequest valid(String account, String email, String captchaId, String captchaAnswer) {
        return new RegistrationRequest(account, PASSWORD, PASSWORD, "新北市測試產業工會", "INDUSTRIAL", "04595257",
                "王大明", "C", new RegistrationRequest.AddressInput("板橋區", "中山路一段161號"), null, "2015-05-01",
                counts(120, 80), null, counts(9, 6), counts(3, 2), null, "林小華", "02-2960-3456#123", "",
                email, email, "", true, true, false,
                List.of(doc("CHARTER"), doc("CERTIFICATE_SCAN"), doc("UNION_SEAL"), doc("REPRESENTATIVE_SEAL"),
                        doc("HARASSMENT_EVIDENCE")),
                captchaId, captchaAnswer);
    }

    /**
     * The registration a valid form becomes as {@code submit} stores it (without its events), with the files
     * its tickets described and those document-service verified: for tests of what is shown of a stored registration.
     */
    public static Registration stored(RegistrationRequest request, String applicationId, Instant submittedAt,
            List<Registration.UploadedFile> uploadedFiles, List<Registration.VerifiedFile> verifiedFiles) {
        List<RegistrationRequest.DocumentRef> documents = request.documents().stream()
                .map(RegistrationRequest.DocumentRef::withoutTicket).toList();
        return new Registration(applicationId, request.account(), request.account(), request.unionName().strip(),
                request.contactEmail().strip(), RegistrationService.details(request), null,
                PasswordHash.of(request.password()), documents, 1, null, submittedAt, null, null, null, null, null,
                null, List.of(), null, null, null, null, null, null, List.of(), List.of(),
                DocumentReferences.uploadIds(documents), null, verifiedFiles, uploadedFiles);
    }

    public static RegistrationRequest.CountsInput counts(int male, int female) {
        return new RegistrationRequest.CountsInput(BigDecimal.valueOf(male), BigDecimal.valueOf(female));
    }

    static RegistrationRequest.DocumentRef doc(String kind) {
        String uploadId = "0f8fad5b-d9cb-469f-a165-" + Integer.toHexString(kind.hashCode());
        return new RegistrationRequest.DocumentRef(kind, uploadId, TestUploadTickets.ticket(uploadId, kind));
    }

    /** A reference to a fresh upload of the kind, with its ticket, as the page sends it (JSON). */
    public static String documentJson(String kind) {
        return documentJson(kind, UUID.randomUUID().toString());
    }

    public static String documentJson(String kind, String uploadId) {
        return documentJson(kind, uploadId, TestUploadTickets.ticket(uploadId, kind));
    }

    public static String documentJson(String kind, String uploadId, String ticket) {
        return ticket == null ? "{\"kind\":\"%s\",\"uploadId\":\"%s\"}".formatted(kind, uploadId)
                : "{\"kind\":\"%s\",\"uploadId\":\"%s\",\"ticket\":\"%s\"}".formatted(kind, uploadId, ticket);
    }

    /** The same form as JSON, as the page sends it, with fresh uploads (an upload serves one registration). */
    public static String json(String account, String email, String captchaId, String captchaAnswer) {
        return json(account, email, captchaId, captchaAnswer, "[" + String.join(",",
                Stream.of("CHARTER", "CERTIFICATE_SCAN", "UNION_SEAL", "REPRESENTATIVE_SEAL", "HARASSMENT_EVIDENCE")
                        .map(RegistrationForms::documentJson).toList()) + "]");
    }

    /** The form as JSON with these documents (a JSON array). */
    public static String json(String account, String email, String captchaId, String captchaAnswer,
            String documents) {
        return """
                {"account":"%s","password":"%s","passwordConfirm":"%s","unionName":"新北市測試產業工會",
                 "unionType":"INDUSTRIAL","unionTaxId":"04595257","representative":"王大明","industry":"C",
                 "address":{"district":"板橋區","street":"中山路一段161號"},"mailingAddress":null,
                 "foundedOn":"2015-05-01","members":{"male":120,"female":80},"memberRepresentatives":null,
                 "directors":{"male":9,"female":6},"supervisors":{"male":3,"female":2},"memberUnions":null,
                 "contactName":"林小華","contactPhone":"02-2960-3456#123","fax":"",
                 "contactEmail":"%s","contactEmailConfirm":"%s","backupEmail":"",
                 "harassmentPreventionDone":true,"genderOneThirdRule":true,"joinedHigherUnion":false,
                 "documents":%s,
                 "captchaId":"%s","captchaAnswer":"%s"}
                """.formatted(account, PASSWORD, PASSWORD, email, email, documents, captchaId, captchaAnswer);
    }
}
