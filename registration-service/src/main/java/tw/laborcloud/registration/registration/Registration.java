package tw.laborcloud.registration.registration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import tw.laborcloud.events.registration.UnionDetails;
import tw.laborcloud.events.review.SupplementRequested;
import tw.laborcloud.platform.outbox.PendingEvent;
import tw.laborcloud.registration.account.PasswordAttempts;
import tw.laborcloud.registration.account.PasswordHash;

/**
 * One application for a union account, from submission to activation. Facts are kept
 * as they arrive (events may come in any order); the status shown to the applicant is
 * derived from them.
 *
 * @param activeCertificateNo unique: the certificate number while the application can
 *     still lead to an account; a rejected one frees it (see {@link Registrations})
 * @param passwordHash present until the account is activated, then removed: Keycloak holds it;
 *     until then it also proves the applicant when supplements are sent
 * @param documentsRound the document set {@code documents} is: 1 for the registration's own,
 *     n+1 after the n-th supplement (null in registrations stored before rounds existed = 1)
 * @param supplementsReceivedAt when the latest replacements arrived (the supplement request is
 *     then cleared and moved to {@code supplementHistory})
 * @param supplementHistory every answered supplement request, oldest first
 * @param wrongPasswords the times of the latest password attempts still counted (wrong ones, and checks under way; at most {@link PasswordAttempts#KEPT}),
 *     stored here so that the limit holds whichever instance answers
 * @param usedUploadIds every upload the registration and its supplements referred to; unique across
 *     registrations (an upload serves one application), see {@link Registrations}
 * @param verifiedFiles what document-service found each upload to be (size, SHA-256), as its verifications
 *     arrive: the submission copy prints them for uploads without {@code uploadedFiles}; registration-service
 *     never sees the files themselves
 * @param uploadedFiles what each upload's ticket vouched for when it was referred to (name, size, SHA-256 as
 *     document-service stored it), at submission and with each supplement; none for tickets issued before
 *     tickets carried them (version 1)
 */
@Document(Registrations.COLLECTION)
public record Registration(
        @Id String applicationId,
        String certificateNo,
        String activeCertificateNo,
        String unionName,
        String contactEmail,
        UnionDetails details,
        EmailConfirmation emailConfirmation,
        PasswordHash passwordHash,
        List<RegistrationRequest.DocumentRef> documents,
        Integer documentsRound,
        String correlationId,
        Instant submittedAt,
        String documentsVerdict,
        Instant documentsVerifiedAt,
        Instant supplementRequestedAt,
        List<SupplementRequested.RequestedDocument> supplementDocuments,
        String supplementNote,
        Instant supplementsReceivedAt,
        List<SupplementRound> supplementHistory,
        List<PasswordAttempts.Attempt> wrongPasswords,
        String decision,
        String decisionReason,
        Instant decidedAt,
        Activation activation,
        Instant activatedAt,
        List<PendingEvent> pendingEvents,
        List<String> appliedEvents,
        List<String> usedUploadIds,
        String submissionId,
        List<VerifiedFile> verifiedFiles,
        List<UploadedFile> uploadedFiles) {

    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    /**
     * The address-confirmation link's secret is mailed, never stored: only its SHA-256.
     * {@code confirmedAt} is set once the applicant opened the link.
     */
    public record EmailConfirmation(String tokenHash, Instant expiresAt, Instant confirmedAt) {
    }

    /**
     * One answered supplement request, kept when its replacements arrive: what the bureau
     * asked for, the documents that were replaced and how the replaced set had been verified.
     *
     * @param round the document set the replacements made (2 for the first supplement)
     */
    public record SupplementRound(int round, Instant requestedAt,
            List<SupplementRequested.RequestedDocument> requestedDocuments, String note,
            List<RegistrationRequest.DocumentRef> replacedDocuments, String replacedVerdict,
            Instant replacedVerifiedAt, Instant receivedAt) {
    }

    /** One upload as document-service verified it; an upload's content never changes, so neither do these facts. */
    public record VerifiedFile(String kind, String uploadId, String contentType, long size, String sha256) {
    }

    /** The verified facts of an upload, if a verification has told them yet. */
    public Optional<VerifiedFile> verifiedFile(String uploadId) {
        return verifiedFiles == null ? Optional.empty()
                : verifiedFiles.stream().filter(f -> f.uploadId().equals(uploadId) && f.sha256() != null).findFirst();
    }

    /** One upload as its ticket described it: signed by document-service when the file was stored. */
    public record UploadedFile(String kind, String uploadId, String fileName, long size, String sha256) {
    }

    /** What the upload's ticket said of it, if it said anything. */
    public Optional<UploadedFile> uploadedFile(String uploadId) {
        return uploadedFiles == null ? Optional.empty()
                : uploadedFiles.stream().filter(f -> f.uploadId().equals(uploadId)).findFirst();
    }

    /** Where the account provisioning stands after approval (retried until Keycloak takes it). */
    public record Activation(int attempts, Instant nextAttemptAt, String lastError, String keycloakUserId) {
    }

    public int currentRound() {
        return documentsRound == null ? 1 : documentsRound;
    }

    public ApplicationStatus status() {
        if (activatedAt != null) {
            return ApplicationStatus.ACCOUNT_ACTIVATED;
        }
        if (APPROVED.equals(decision)) {
            return ApplicationStatus.APPROVED;
        }
        if (REJECTED.equals(decision)) {
            return ApplicationStatus.REJECTED;
        }
        if (supplementRequestedAt != null) {
            return ApplicationStatus.RETURNED_FOR_SUPPLEMENTS;
        }
        // verification facts are only ever set for the current round (see Registrations.applyToRound)
        if (documentsVerifiedAt != null) {
            return ApplicationStatus.UNDER_REVIEW;
        }
        if (supplementsReceivedAt != null) {
            return ApplicationStatus.SUPPLEMENTS_RECEIVED;
        }
        return ApplicationStatus.RECEIVED;
    }
}
