package tw.laborcloud.registration.supplement;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import tw.laborcloud.events.registration.DocumentsReplaced;
import tw.laborcloud.events.registration.RegistrationSubmitted;
import tw.laborcloud.events.review.SupplementRequested;
import tw.laborcloud.platform.outbox.Outbox;
import tw.laborcloud.platform.outbox.OutboxRelay;
import tw.laborcloud.platform.web.ApiException;
import tw.laborcloud.platform.web.CorrelationIds;
import tw.laborcloud.platform.web.FieldViolation;
import tw.laborcloud.registration.account.PasswordAttempts;
import tw.laborcloud.registration.account.PasswordPolicy;
import tw.laborcloud.registration.registration.ApplicationStatus;
import tw.laborcloud.registration.registration.DocumentReferences;
import tw.laborcloud.registration.registration.Registration;
import tw.laborcloud.registration.registration.RegistrationRequest;
import tw.laborcloud.registration.registration.RegistrationService;
import tw.laborcloud.registration.registration.Registrations;

/**
 * 補正: the applicant's answer to the bureau's supplement request, after submission and before an account exists.
 * The registration feature keeps the aggregate and its store; this one checks the answer and writes the next round.
 */
@Service
public class Supplements {

    private static final Logger log = LoggerFactory.getLogger(Supplements.class);
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("HH:mm")
            .withZone(RegistrationService.TAIPEI);

    private final RegistrationService applications;
    private final Registrations registrations;
    private final DocumentReferences references;
    private final Outbox outbox;
    private final OutboxRelay relay;

    Supplements(RegistrationService applications, Registrations registrations, DocumentReferences references,
            Outbox outbox, OutboxRelay relay) {
        this.applications = applications;
        this.registrations = registrations;
        this.references = references;
        this.outbox = outbox;
        this.relay = relay;
    }

    /**
     * The applicant's replacements for the documents the bureau returned. The certificate
     * number and the password chosen at registration prove the applicant; every refusal
     * leaves the registration as it was, except that a wrong password is counted (after
     * {@value PasswordAttempts#LIMIT} within 15 minutes every attempt is refused for 15
     * minutes). The replacements, the next round, the history and the DocumentsReplaced event
     * (only the replaced documents: the document service merges them into the previous set)
     * are one conditional write, so of simultaneous submissions exactly one is taken.
     */
    public Registration submit(String applicationId, SupplementRequest request) {
        Instant now = Instant.now();
        Registration r = applications.status(applicationId, request.certificateNo());
        PasswordAttempts.lockedUntil(PasswordAttempts.times(r.wrongPasswords()), now).ifPresent(until -> {
            throw tooManyAttempts(until);
        });
        if (r.status() != ApplicationStatus.RETURNED_FOR_SUPPLEMENTS) {
            throw notAwaitingSupplements(r);
        }
        List<SupplementRequested.RequestedDocument> requested = r.supplementDocuments() == null ? List.of()
                : r.supplementDocuments();
        List<FieldViolation> violations = new ArrayList<>(SupplementValidator.validate(requested, request.documents()));
        violations.addAll(references.check(request.documents(), r, violations, now));
        String password = request.password();
        boolean passwordRight = false;
        PasswordAttempts.Attempt attempt = new PasswordAttempts.Attempt(now, UUID.randomUUID().toString());
        if (password == null || password.isEmpty()) {
            violations.add(new FieldViolation("password", "REQUIRED", "請輸入註冊時設定的密碼"));
        } else {
            // counted before the check: a burst of parallel guesses gets no more than the limit
            List<Instant> attempts = registrations.reserveAttempt(applicationId, attempt);
            if (PasswordAttempts.inWindow(attempts, now) > PasswordAttempts.LIMIT) {
                registrations.releaseAttempt(applicationId, attempt);
                throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS",
                        "短時間內送出太多次，請稍候幾分鐘再試", List.of());
            }
            passwordRight = passwordMatches(r, password);
            if (!passwordRight) {
                int remaining = PasswordAttempts.remaining(attempts, now);
            log.info("wrong password for the supplements of {} ({} attempts left)", applicationId, remaining);
                violations.add(new FieldViolation("password", "WRONG_PASSWORD", remaining > 0
                        ? "密碼錯誤，請輸入註冊時設定的密碼（再錯 " + remaining + " 次將暫停 15 分鐘）"
                        : "密碼錯誤次數過多，請於 15 分鐘後再試"));
            }
        }
        if (!violations.isEmpty()) {
            if (passwordRight) {
                registrations.releaseAttempt(applicationId, attempt);
            }
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED",
                    "資料有誤，請依各欄位說明修正後再送出。", violations);
        }

        int round = r.currentRound() + 1;
        List<RegistrationRequest.DocumentRef> replacements = request.documents() == null ? List.of()
                : request.documents().stream().map(RegistrationRequest.DocumentRef::withoutTicket).toList();
        Set<String> replacedKinds = replacements.stream().map(RegistrationRequest.DocumentRef::kind)
                .collect(Collectors.toSet());
        List<RegistrationRequest.DocumentRef> previous = r.documents() == null ? List.of() : r.documents();
        List<RegistrationRequest.DocumentRef> documents = new ArrayList<>(previous.stream()
                .filter(d -> !replacedKinds.contains(d.kind())).toList());
        documents.addAll(replacements);
        Registration.SupplementRound answered = new Registration.SupplementRound(round, r.supplementRequestedAt(),
                requested, r.supplementNote(), previous.stream().filter(d -> replacedKinds.contains(d.kind())).toList(),
                r.documentsVerdict(), r.documentsVerifiedAt(), now);
        DocumentsReplaced event = DocumentsReplaced.of(applicationId, CorrelationIds.current(), round,
                replacements.stream().map(d -> new RegistrationSubmitted.SubmittedDocument(d.kind(), d.uploadId()))
                        .toList());
        boolean taken;
        try {
            taken = registrations.replaceDocuments(r, documents, DocumentReferences.uploadIds(replacements),
                    references.uploadedFiles(request.documents()), answered, now, outbox.pending(event));
        } catch (Registrations.UploadAlreadyUsed raced) {
            // another registration took one of these uploads between the check and this write
            registrations.releaseAttempt(applicationId, attempt);
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED",
                    "資料有誤，請依各欄位說明修正後再送出。", references.check(request.documents(), r, List.of(), now));
        }
        if (!taken) {
            // another submission was taken in the meantime (the taken one reset the attempts)
            registrations.releaseAttempt(applicationId, attempt);
            throw notAwaitingSupplements(registrations.find(applicationId).orElse(r));
        }
        log.info("supplements of {} received: round {}, {}", applicationId, round, replacedKinds);
        relay.publishSoon(Registrations.COLLECTION, applicationId);
        return registrations.find(applicationId).orElseThrow();
    }

    private static boolean passwordMatches(Registration r, String password) {
        // the hash leaves this service at activation, long after supplements can be sent; a password
        // longer than any the registration accepted cannot be right and is not worth hashing
        return r.passwordHash() != null && password.length() <= PasswordPolicy.MAX_LENGTH
                && r.passwordHash().matches(password);
    }

    private static ApiException notAwaitingSupplements(Registration r) {
        return ApiException.conflict("NOT_AWAITING_SUPPLEMENTS",
                "此申請案目前的狀態為「" + r.status().label() + "」，不需要補正文件");
    }

    private static ApiException tooManyAttempts(Instant until) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS",
                "密碼錯誤次數過多，已暫停補正文件的送出，請於 " + UNTIL.format(until) + " 後再試", List.of());
    }
}
