package tw.laborcloud.review.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One line of the audit trail: who did or saw what, when, from where, and whether it was
 * carried out. Written once and never changed (the code has no update or delete for it).
 *
 * @param subject  what was acted on: an application id, a certificate number of the register
 * @param outcome  DONE, or the refusal's code (an attempt that lost a race is audited too)
 */
@Document(AuditTrail.COLLECTION)
public record AuditEntry(@Id String id, Instant at, String actor, String roles, String action, String subject,
        String detail, String outcome, String remoteAddress) {
}
