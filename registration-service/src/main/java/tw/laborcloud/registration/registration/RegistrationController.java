package tw.laborcloud.registration.registration;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tw.laborcloud.registration.captcha.CaptchaService;

/** Public: anyone may apply and, with both numbers, follow the application. */
@RestController
@RequestMapping("/api/registrations")
class RegistrationController {

    private final RegistrationService service;
    private final CaptchaService captchas;

    RegistrationController(RegistrationService service, CaptchaService captchas) {
        this.service = service;
        this.captchas = captchas;
    }

    @GetMapping("/reference-data")
    ResponseEntity<Map<String, Object>> referenceData() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)))
                .body(Map.of("unionTypes", ReferenceData.UNION_TYPES, "industries", ReferenceData.INDUSTRIES,
                        "districts", ReferenceData.DISTRICTS, "city", ReferenceData.CITY,
                        "unreliableMailDomains", ReferenceData.UNRELIABLE_MAIL_DOMAINS));
    }

    @GetMapping("/captcha")
    ResponseEntity<CaptchaService.IssuedCaptcha> captcha() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(captchas.issue());
    }

    @PostMapping
    ResponseEntity<Receipt> submit(@RequestBody RegistrationRequest request) {
        RegistrationService.Submitted submitted = service.submit(request);
        Registration r = submitted.registration();
        // the same form sent again: its first receipt, as 200 (nothing new was created)
        return (submitted.repeated() ? ResponseEntity.ok()
                : ResponseEntity.created(URI.create("/api/registrations/" + r.applicationId())))
                .body(new Receipt(r.applicationId(), r.certificateNo(), r.unionName(), r.submittedAt(), r.status(),
                        r.status().label(), submitted.warnings()));
    }

    @GetMapping("/{applicationId}")
    StatusView status(@PathVariable String applicationId, @RequestParam String certificateNo) {
        return StatusView.of(service.status(applicationId, certificateNo));
    }

    @PostMapping("/{applicationId}/email-confirmation")
    StatusView confirmEmail(@PathVariable String applicationId, @RequestBody ConfirmationRequest body) {
        return StatusView.of(service.confirmEmail(applicationId, body == null ? null : body.token()));
    }

    /** The replacements for a supplement request; the answer is the new status (documents being checked again). */
    @PostMapping("/{applicationId}/supplements")
    StatusView submitSupplements(@PathVariable String applicationId, @RequestBody SupplementRequest body) {
        return StatusView.of(service.submitSupplements(applicationId,
                body == null ? new SupplementRequest(null, null, null) : body));
    }

    record ConfirmationRequest(String token) {
    }

    record Receipt(String applicationId, String certificateNo, String unionName, Instant submittedAt,
            ApplicationStatus status, String statusLabel, List<String> warnings) {
    }

    /**
     * What the applicant may see with both numbers; never the password hash or the uploads.
     * While supplements are awaited it carries what the page needs to render their form.
     */
    record StatusView(String applicationId, String certificateNo, String unionName, Instant submittedAt,
            ApplicationStatus status, String statusLabel, boolean contactEmailConfirmed, int documentsRound,
            Instant documentsVerifiedAt, Instant supplementRequestedAt, List<RequestedDocumentView> supplementDocuments,
            String supplementNote, Instant supplementsReceivedAt, Instant decidedAt, String rejectionReason,
            Instant activatedAt) {

        static StatusView of(Registration r) {
            List<RequestedDocumentView> requested = r.supplementDocuments() == null ? List.of()
                    : r.supplementDocuments().stream()
                            .map(d -> new RequestedDocumentView(d.kind(), DocumentKind.labelOf(d.kind()), d.reason()))
                            .toList();
            return new StatusView(r.applicationId(), r.certificateNo(), r.unionName(), r.submittedAt(), r.status(),
                    r.status().label(), r.emailConfirmation() != null && r.emailConfirmation().confirmedAt() != null,
                    r.currentRound(), r.documentsVerifiedAt(), r.supplementRequestedAt(), requested,
                    r.supplementNote(), r.supplementsReceivedAt(), r.decidedAt(),
                    Registration.REJECTED.equals(r.decision()) ? r.decisionReason() : null, r.activatedAt());
        }
    }

    /** A document the bureau asked to replace: its kind, the form's label for it and the officer's reason. */
    record RequestedDocumentView(String kind, String label, String reason) {
    }
}
