package tw.laborcloud.review.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/** The officers' case API; owner roles are set in SecurityConfig. */
@RestController
@RequestMapping("/api/review/cases")
class CaseController {

    private final ReviewService service;

    CaseController(ReviewService service) {
        this.service = service;
    }

    @GetMapping
    List<CaseSummary> queue() {
        return service.queue().stream().map(CaseSummary::of).toList();
    }

    @GetMapping("/{applicationId}")
    ReviewCase get(@PathVariable String applicationId) {
        return service.get(applicationId);
    }

    @PostMapping("/{applicationId}/approve")
    CaseSummary approve(@PathVariable String applicationId, @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        return CaseSummary.of(service.approve(applicationId, officer(jwt, request)));
    }

    @PostMapping("/{applicationId}/reject")
    CaseSummary reject(@PathVariable String applicationId, @RequestBody RejectRequest body,
            @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        return CaseSummary.of(service.reject(applicationId, body == null ? null : body.reason(), officer(jwt, request)));
    }

    private static ReviewService.Officer officer(Jwt jwt, HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        String from = forwarded != null && !forwarded.isBlank() ? forwarded.split(",")[0].strip() : request.getRemoteAddr();
        String username = jwt.getClaimAsString("preferred_username");
        return new ReviewService.Officer(username == null ? jwt.getSubject() : username, from);
    }

    record RejectRequest(String reason) {
    }

    record CaseSummary(String applicationId, String certificateNo, String unionName, CaseStatus status,
            String verdict, boolean contactEmailConfirmed, Instant submittedAt, Long ageDays) {

        static CaseSummary of(ReviewCase c) {
            return new CaseSummary(c.applicationId(), c.certificateNo(), c.unionName(), c.status(),
                    c.verification() == null ? null : c.verification().verdict().name(),
                    c.contactEmailConfirmedAt() != null, c.submittedAt(),
                    c.submittedAt() == null ? null : Duration.between(c.submittedAt(), Instant.now()).toDays());
        }
    }
}
