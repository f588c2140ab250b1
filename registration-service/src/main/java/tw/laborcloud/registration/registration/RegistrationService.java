package tw.laborcloud.registration.registration;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import tw.laborcloud.events.registration.ContactEmailConfirmed;
import tw.laborcloud.events.registration.EmailConfirmationRequested;
import tw.laborcloud.events.registration.RegistrationSubmitted;
import tw.laborcloud.events.registration.UnionDetails;
import tw.laborcloud.platform.outbox.Outbox;
import tw.laborcloud.platform.outbox.OutboxRelay;
import tw.laborcloud.platform.outbox.PendingEvent;
import tw.laborcloud.platform.uploads.UploadReferences;
import tw.laborcloud.platform.web.ApiException;
import tw.laborcloud.platform.web.CorrelationIds;
import tw.laborcloud.platform.web.FieldViolation;
import tw.laborcloud.registration.account.PasswordHash;
import tw.laborcloud.registration.captcha.CaptchaService;
import tw.laborcloud.registration.copy.SubmissionCopies;

@Service
public class RegistrationService {

    private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);
    public static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    static final Duration CONFIRMATION_LINK_LIFETIME = Duration.ofDays(14);
    static final FieldViolation CERTIFICATE_TAKEN = new FieldViolation("account", "CERTIFICATE_TAKEN",
            "此立案證書字號已註冊或正在審核中，請勿重複申請");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Registrations registrations;
    private final DocumentReferences references;
    private final CaptchaService captchas;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final SubmissionCopies copies;
    private static final java.util.regex.Pattern SUBMISSION_KEY = java.util.regex.Pattern.compile("[A-Za-z0-9-]{16,64}");

    RegistrationService(Registrations registrations, DocumentReferences references, CaptchaService captchas,
            Outbox outbox, OutboxRelay relay, SubmissionCopies copies) {
        this.registrations = registrations;
        this.references = references;
        this.captchas = captchas;
        this.outbox = outbox;
        this.relay = relay;
        this.copies = copies;
    }

    /**
     * The copy for the receipt mail, or null when it cannot be made now: the registration does not fail for it (the
     * mail then goes without it, and the receipt and status pages still offer the download).
     */
    private byte[] copyForReceipt(Registration registration, Instant now) {
        try {
            return copies.render(registration, now);
        } catch (java.io.UncheckedIOException e) {
            log.warn("submission copy of {} not attached to the receipt mail: {}", registration.applicationId(),
                    e.getMessage());
            return null;
        }
    }

    /**
     * Validates every field, the uploads it refers to and the captcha, then stores the
     * registration (with what the uploads' tickets vouch for: names, sizes, hashes) and its
     * RegistrationSubmitted and EmailConfirmationRequested events in one insert; the latter carries
     * the submission copy for the receipt mail. Nothing is stored when anything is wrong; of two simultaneous registrations for
     * one certificate number, or with one upload, the store's unique indexes let exactly one win.
     */
    public Submitted submit(RegistrationRequest request) {
        Instant now = Instant.now();
        Optional<Submitted> before = sentBefore(request);
        if (before.isPresent()) {
            return before.get();
        }
        List<FieldViolation> violations = new ArrayList<>(RegistrationValidator.validate(request, LocalDate.now(TAIPEI)));
        violations.addAll(references.check(request.documents(), null, violations, now));
        captchas.check(request.captchaId(), request.captchaAnswer(), now).ifPresent(violations::add);
        boolean accountWellFormed = violations.stream().noneMatch(v -> v.field().equals("account"));
        if (accountWellFormed && registrations.activeCertificateExists(request.account())) {
            violations.add(CERTIFICATE_TAKEN);
        }
        if (!violations.isEmpty()) {
            throw refusal(violations);
        }
        String applicationId = ApplicationIds.next();
        String correlationId = CorrelationIds.current();
        String certificateNo = request.account();
        String email = request.contactEmail().strip();
        UnionDetails details = details(request);
        String token = newToken();
        List<RegistrationRequest.DocumentRef> documents = request.documents().stream()
                .map(RegistrationRequest.DocumentRef::withoutTicket).toList();
        RegistrationSubmitted event = RegistrationSubmitted.of(applicationId, correlationId, certificateNo,
                request.unionName().strip(), email,
                documents.stream().map(d -> new RegistrationSubmitted.SubmittedDocument(d.kind(), d.uploadId())).toList(),
                details);
        List<Registration.UploadedFile> files = references.uploadedFiles(request.documents());
        Function<List<PendingEvent>, Registration> stored = events -> new Registration(applicationId, certificateNo,
                certificateNo, request.unionName().strip(), email, details,
                new Registration.EmailConfirmation(sha256(token), now.plus(CONFIRMATION_LINK_LIFETIME), null),
                PasswordHash.of(request.password()), documents, 1, correlationId, now, null, null, null, null, null,
                null, List.of(), null, null, null, null, null, null, events, List.of(),
                DocumentReferences.uploadIds(documents), submissionKey(request), null, files);
        // the copy the receipt mail carries: what is stored, as the download shows it now
        byte[] copy = copyForReceipt(stored.apply(List.of()), now);
        // the link's secret goes to the notification service alone, on a topic of its own (docs/architecture.md)
        EmailConfirmationRequested confirmation = EmailConfirmationRequested.of(applicationId, correlationId,
                certificateNo, request.unionName().strip(), email, token, copy);
        Registration registration = stored.apply(List.of(outbox.pending(event), outbox.pending(confirmation)));
        try {
            if (!registrations.insert(registration)) {
                throw ApiException.invalid(List.of(CERTIFICATE_TAKEN));
            }
        } catch (Registrations.SubmittedBefore raced) {
            // the same form, sent twice at once (a double click, a retry while the first was still on its way)
            return sentBefore(request).orElseThrow();
        } catch (Registrations.UploadAlreadyUsed raced) {
            // another registration with one of these uploads was stored between the check and the insert
            throw refusal(references.check(request.documents(), null, List.of(), now));
        }
        log.info("registration {} submitted", applicationId);
        relay.publishSoon(Registrations.COLLECTION, applicationId);
        List<String> warnings = ReferenceData.isUnreliableMailbox(email)
                ? List.of("您使用的信箱（" + email.substring(email.indexOf('@')) + "）可能收不到認證信，建議改用其他信箱。")
                : List.of();
        return new Submitted(registration, warnings, false);
    }

    /**
     * A form carries a key of its own ({@code submissionId}, made by the page when it is filled in), so
     * that the same form sent again (its answer lost: a timeout, a dropped connection, a second click)
     * gets the first receipt instead of a second application, also when the first one was decided
     * and its certificate number is free again. The key is another form's when the certificate
     * number differs: refused.
     */
    private Optional<Submitted> sentBefore(RegistrationRequest request) {
        String key = submissionKey(request);
        if (key == null) {
            return Optional.empty();
        }
        return registrations.findBySubmission(key).map(first -> {
            if (!first.certificateNo().equals(request.account())) {
                throw ApiException.conflict("SUBMISSION_REUSED", "此表單已送出過其他申請，請重新整理頁面後再填寫。");
            }
            log.info("registration form {} sent again: answered with {}", key, first.applicationId());
            return new Submitted(first, List.of(), true);
        });
    }

    /** The form's key when it is well formed (a UUID the page made); an ill-formed one is ignored. */
    private static String submissionKey(RegistrationRequest request) {
        String key = request.submissionId();
        return key != null && SUBMISSION_KEY.matcher(key).matches() ? key : null;
    }

    /** The applicant's view; both numbers must match so that an application number alone reveals nothing. */
    public Registration status(String applicationId, String certificateNo) {
        return registrations.find(applicationId)
                .filter(r -> r.certificateNo().equals(certificateNo))
                .orElseThrow(() -> ApiException.notFound("APPLICATION_NOT_FOUND", "查無此申請案，請確認申請案號與立案證書字號"));
    }

    /**
     * The link of the confirmation mail: marks the contact address confirmed and announces
     * it, in one write. Opening the link again is harmless.
     */
    public Registration confirmEmail(String applicationId, String token) {
        ApiException invalid = ApiException.notFound("CONFIRMATION_LINK_INVALID",
                "此認證連結無效或已過期，請確認是否為最新一封認證信");
        Registration r = registrations.find(applicationId).orElseThrow(() -> invalid);
        Registration.EmailConfirmation confirmation = r.emailConfirmation();
        if (confirmation == null || token == null || !MessageDigest.isEqual(
                confirmation.tokenHash().getBytes(StandardCharsets.US_ASCII), sha256(token).getBytes(StandardCharsets.US_ASCII))) {
            throw invalid;
        }
        if (confirmation.confirmedAt() != null) {
            return r;
        }
        if (confirmation.expiresAt().isBefore(Instant.now())) {
            throw invalid;
        }
        ContactEmailConfirmed event = ContactEmailConfirmed.of(applicationId, CorrelationIds.current(), r.contactEmail());
        if (registrations.markEmailConfirmed(applicationId, Instant.now(), outbox.pending(event))) {
            relay.publishSoon(Registrations.COLLECTION, applicationId);
        }
        return registrations.find(applicationId).orElseThrow();
    }

    /**
     * 400 for a form with input errors (with all its violations); 422 when the form is right
     * and only the uploads it refers to cannot be used (unknown, expired, of another kind,
     * used twice or used before), as the supplement and filing forms answer.
     */
    private static ApiException refusal(List<FieldViolation> violations) {
        if (violations.stream().allMatch(UploadReferences::isRefusal)) {
            return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED",
                    "資料有誤，請依各欄位說明修正後再送出。", violations);
        }
        return ApiException.invalid(violations);
    }

    static UnionDetails details(RegistrationRequest r) {
        return new UnionDetails(r.unionType(), blankToNull(r.unionTaxId()), r.representative().strip(), r.industry(),
                address(r.address()), r.mailingAddress() == null || r.mailingAddress().isEmpty() ? null
                        : address(r.mailingAddress()),
                LocalDate.parse(r.foundedOn().strip()), counts(r.members()), counts(r.memberRepresentatives()),
                counts(r.directors()), counts(r.supervisors()),
                r.memberUnions() == null ? null : r.memberUnions().intValueExact(), r.contactName().strip(),
                r.contactPhone().strip(), blankToNull(r.fax()), blankToNull(r.backupEmail()),
                r.harassmentPreventionDone(), r.genderOneThirdRule(), r.joinedHigherUnion());
    }

    private static UnionDetails.Address address(RegistrationRequest.AddressInput a) {
        return new UnionDetails.Address(ReferenceData.postalCodeOf(a.district()).orElseThrow(), ReferenceData.CITY,
                a.district(), a.street().strip());
    }

    private static UnionDetails.Counts counts(RegistrationRequest.CountsInput c) {
        if (c == null || (c.male() == null && c.female() == null)) {
            return null;
        }
        int male = orZero(c.male());
        int female = orZero(c.female());
        return new UnionDetails.Counts(male, female, male + female);
    }

    private static int orZero(BigDecimal value) {
        return value == null ? 0 : value.intValueExact();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param repeated the same form was sent before: this is its first receipt */
    public record Submitted(Registration registration, List<String> warnings, boolean repeated) {
    }
}
