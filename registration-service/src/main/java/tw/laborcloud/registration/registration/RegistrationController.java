package tw.laborcloud.registration.registration;

import java.net.URI;
import java.time.Instant;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public: anyone may apply and, with both numbers, follow the application. */
@RestController
@RequestMapping("/api/registrations")
class RegistrationController {

    private final RegistrationService service;

    RegistrationController(RegistrationService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<Receipt> submit(@RequestBody RegistrationRequest request) {
        Registration r = service.submit(request);
        return ResponseEntity.created(URI.create("/api/registrations/" + r.applicationId()))
                .body(new Receipt(r.applicationId(), r.certificateNo(), r.submittedAt(), r.status(), r.status().label()));
    }

    @GetMapping("/{applicationId}")
    StatusView status(@PathVariable String applicationId, @RequestParam String certificateNo) {
        Registration r = service.status(applicationId, certificateNo);
        return new StatusView(r.applicationId(), r.certificateNo(), r.unionName(), r.submittedAt(), r.status(),
                r.status().label(), r.documentsVerifiedAt(), r.decidedAt(),
                Registration.REJECTED.equals(r.decision()) ? r.decisionReason() : null, r.activatedAt());
    }

    record Receipt(String applicationId, String certificateNo, Instant submittedAt, ApplicationStatus status,
            String statusLabel) {
    }

    record StatusView(String applicationId, String certificateNo, String unionName, Instant submittedAt,
            ApplicationStatus status, String statusLabel, Instant documentsVerifiedAt, Instant decidedAt,
            String rejectionReason, Instant activatedAt) {
    }
}
