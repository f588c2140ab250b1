package tw.laborcloud.registration.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import tw.laborcloud.events.registration.RegistrationSubmitted;
import tw.laborcloud.platform.outbox.Outbox;
import tw.laborcloud.platform.outbox.OutboxRelay;
import tw.laborcloud.platform.web.ApiException;
import tw.laborcloud.platform.web.CorrelationIds;
import tw.laborcloud.platform.web.FieldViolation;
import tw.laborcloud.registration.account.PasswordHash;

@Service
public class RegistrationService {

    private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);
    static final FieldViolation CERTIFICATE_TAKEN = new FieldViolation("account", "CERTIFICATE_TAKEN",
            "此立案證書字號已註冊或正在審核中，請勿重複申請");

    private final Registrations registrations;
    private final Outbox outbox;
    private final OutboxRelay relay;

    RegistrationService(Registrations registrations, Outbox outbox, OutboxRelay relay) {
        this.registrations = registrations;
        this.outbox = outbox;
        this.relay = relay;
    }

    /**
     * Validates every field, then stores the registration and its RegistrationSubmitted
     * event in one insert. Nothing is stored when anything is wrong; of two simultaneous
     * registrations for one certificate number the store's unique index lets one win.
     */
    public Registration submit(RegistrationRequest request) {
        List<FieldViolation> violations = new ArrayList<>(RegistrationValidator.validate(request));
        boolean accountWellFormed = violations.stream().noneMatch(v -> v.field().equals("account"));
        if (accountWellFormed && registrations.activeCertificateExists(request.account())) {
            violations.add(CERTIFICATE_TAKEN);
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        String applicationId = ApplicationIds.next();
        String correlationId = CorrelationIds.current();
        String certificateNo = request.account();
        String email = request.contactEmail().strip();
        List<RegistrationRequest.DocumentRef> documents = request.documents() == null ? List.of() : request.documents();
        RegistrationSubmitted event = RegistrationSubmitted.of(applicationId, correlationId, certificateNo,
                request.unionName().strip(), email,
                documents.stream().map(d -> new RegistrationSubmitted.SubmittedDocument(d.kind(), d.uploadId())).toList());
        Registration registration = new Registration(applicationId, certificateNo, certificateNo,
                request.unionName().strip(), email, PasswordHash.of(request.password()), documents, correlationId,
                Instant.now(), null, null, null, null, null, null, null, List.of(outbox.pending(event)), List.of());
        if (!registrations.insert(registration)) {
            throw ApiException.invalid(List.of(CERTIFICATE_TAKEN));
        }
        log.info("registration {} submitted", applicationId);
        relay.publishSoon(Registrations.COLLECTION, applicationId);
        return registration;
    }

    /** The applicant's view; both numbers must match so that an application number alone reveals nothing. */
    public Registration status(String applicationId, String certificateNo) {
        return registrations.find(applicationId)
                .filter(r -> r.certificateNo().equals(certificateNo))
                .orElseThrow(() -> ApiException.notFound("APPLICATION_NOT_FOUND", "查無此申請案，請確認申請案號與立案證書字號"));
    }
}
