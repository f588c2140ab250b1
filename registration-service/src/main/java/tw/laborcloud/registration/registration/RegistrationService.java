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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import tw.laborcloud.events.registration.ContactEmailConfirmed;
import tw.laborcloud.events.registration.RegistrationSubmitted;
import tw.laborcloud.events.registration.UnionDetails;
import tw.laborcloud.platform.outbox.Outbox;
import tw.laborcloud.platform.outbox.OutboxRelay;
import tw.laborcloud.platform.web.ApiException;
import tw.laborcloud.platform.web.CorrelationIds;
import tw.laborcloud.platform.web.FieldViolation;
import tw.laborcloud.registration.account.PasswordHash;
import tw.laborcloud.registration.captcha.CaptchaService;

@Service
public class RegistrationService {

    private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);
    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    static final Duration CONFIRMATION_LINK_LIFETIME = Duration.ofDays(14);
    static final FieldViolation CERTIFICATE_TAKEN = new FieldViolation("account", "CERTIFICATE_TAKEN",
            "此立案證書字號已註冊或正在審核中，請勿重複申請");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Registrations registrations;
    private final CaptchaService captchas;
    private final Outbox outbox;
    private final OutboxRelay relay;

    RegistrationService(Registrations registrations, CaptchaService captchas, Outbox outbox, OutboxRelay relay) {
        this.registrations = registrations;
        this.captchas = captchas;
        this.outbox = outbox;
        this.relay = relay;
    }

    /**
     * Validates every field and the captcha, then stores the registration and its
     * RegistrationSubmitted event in one insert. Nothing is stored when anything is wrong;
     * of two simultaneous registrations for one certificate number the store's unique
     * index lets exactly one win.
     */
    public Submitted submit(RegistrationRequest request) {
        Instant now = Instant.now();
        List<FieldViolation> violations = new ArrayList<>(RegistrationValidator.validate(request, LocalDate.now(TAIPEI)));
        captchas.check(request.captchaId(), request.captchaAnswer(), now).ifPresent(violations::add);
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
        UnionDetails details = details(request);
        String token = newToken();
        List<RegistrationRequest.DocumentRef> documents = request.documents();
        RegistrationSubmitted event = RegistrationSubmitted.of(applicationId, correlationId, certificateNo,
                request.unionName().strip(), email,
                documents.stream().map(d -> new RegistrationSubmitted.SubmittedDocument(d.kind(), d.uploadId())).toList(),
                details, token);
        Registration registration = new Registration(applicationId, certificateNo, certificateNo,
                request.unionName().strip(), email, details,
                new Registration.EmailConfirmation(sha256(token), now.plus(CONFIRMATION_LINK_LIFETIME), null),
                PasswordHash.of(request.password()), documents, correlationId, now, null, null, null, null, null,
                null, null, null, null, null, List.of(outbox.pending(event)), List.of());
        if (!registrations.insert(registration)) {
            throw ApiException.invalid(List.of(CERTIFICATE_TAKEN));
        }
        log.info("registration {} submitted", applicationId);
        relay.publishSoon(Registrations.COLLECTION, applicationId);
        List<String> warnings = ReferenceData.isUnreliableMailbox(email)
                ? List.of("您使用的信箱（" + email.substring(email.indexOf('@')) + "）可能收不到認證信，建議改用其他信箱。")
                : List.of();
        return new Submitted(registration, warnings);
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

    public record Submitted(Registration registration, List<String> warnings) {
    }
}
