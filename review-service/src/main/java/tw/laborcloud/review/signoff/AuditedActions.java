package tw.laborcloud.review.signoff;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import tw.laborcloud.platform.web.ApiException;
import tw.laborcloud.review.audit.Actor;
import tw.laborcloud.review.audit.AuditTrail;

/** Runs an officer's action and puts it on the audit trail: done, or refused with the refusal's code. */
@Component
public class AuditedActions {

    private final AuditTrail audit;

    AuditedActions(AuditTrail audit) {
        this.audit = audit;
    }

    public <T> T run(Actor actor, String action, String subject, String detail, Supplier<T> body) {
        try {
            T result = body.get();
            audit.record(actor, action, subject, detail, AuditTrail.DONE);
            return result;
        } catch (ApiException refused) {
            audit.record(actor, action, subject, detail, refused.code());
            throw refused;
        }
    }
}
