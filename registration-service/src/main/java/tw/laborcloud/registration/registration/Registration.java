package tw.laborcloud.registration.registration;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import tw.laborcloud.events.registration.UnionDetails;
import tw.laborcloud.events.review.SupplementRequested;
import tw.laborcloud.platform.outbox.PendingEvent;
import tw.laborcloud.registration.account.PasswordHash;

/**
 * One application for a union account, from submission to activation. Facts are kept
 * as they arrive (events may come in any order); the status shown to the applicant is
 * derived from them.
 *
 * @param activeCertificateNo unique: the certificate number while the application can
 *     still lead to an account; a rejected one frees it (see {@link Registrations})
 * @param passwordHash present until the account is activated, then removed: Keycloak holds it
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
        String correlationId,
        Instant submittedAt,
        String documentsVerdict,
        Instant documentsVerifiedAt,
        Instant supplementRequestedAt,
        List<SupplementRequested.RequestedDocument> supplementDocuments,
        String supplementNote,
        String decision,
        String decisionReason,
        Instant decidedAt,
        Activation activation,
        Instant activatedAt,
        List<PendingEvent> pendingEvents,
        List<String> appliedEvents) {

    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    /**
     * The address-confirmation link's secret is mailed, never stored: only its SHA-256.
     * {@code confirmedAt} is set once the applicant opened the link.
     */
    public record EmailConfirmation(String tokenHash, Instant expiresAt, Instant confirmedAt) {
    }

    /** Where the account provisioning stands after approval (retried until Keycloak takes it). */
    public record Activation(int attempts, Instant nextAttemptAt, String lastError, String keycloakUserId) {
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
        if (documentsVerifiedAt != null) {
            return ApplicationStatus.UNDER_REVIEW;
        }
        return ApplicationStatus.RECEIVED;
    }
}
