package tw.laborcloud.systemtests;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;

import tw.laborcloud.infra.LocalStack;
import tw.laborcloud.infra.MailMessage;

/**
 * One application driven through the whole process as its union and the two officers would,
 * while processes die around it: register with uploads, confirm the address from the receipt
 * mail, wait for the verified case, propose and sign off (approve, reject, or return for one
 * supplement round first), and for an approved union wait for its account and log in.
 * <p>
 * Every step is "look, then act if still needed": an action whose answer was lost (a gateway
 * or service killed mid-request) is judged by what the system shows afterwards, never by the
 * lost answer, so a step is neither skipped nor done twice because of a fault.
 */
final class ChaosApplication {

    enum Plan { APPROVE, REJECT, SUPPLEMENT }

    private static final Pattern CONFIRMATION_LINK = Pattern
            .compile("register/confirm\\.html\\?applicationId=([^&\\s]+)&token=([A-Za-z0-9_-]+)");
    private static final Duration PAUSE = Duration.ofMillis(700);

    final int index;
    final Plan plan;
    final String certificateNo;
    final String email;
    final String password = "Chaos-Pass-2026";
    volatile String applicationId;
    volatile String stuckAt;
    volatile boolean loggedIn;
    /** The form's own key, the same for every attempt, as the registration page sends it. */
    private final String submissionId = java.util.UUID.randomUUID().toString();
    /** A submission was answered CERTIFICATE_TAKEN: an earlier one whose answer was lost went through. */
    private volatile boolean submittedBefore;

    private final ChaosGateways gateways;
    private final LocalStack stack;
    private final ChaosOfficers officers;
    private final Instant deadline;

    ChaosApplication(int index, Plan plan, String run, ChaosGateways gateways, LocalStack stack,
            ChaosOfficers officers, Instant deadline) {
        this.index = index;
        this.plan = plan;
        this.certificateNo = "%08d".formatted(30_000_000 + index);
        this.email = "chaos-" + run + "-" + index + "@union.example";
        this.gateways = gateways;
        this.stack = stack;
        this.officers = officers;
        this.deadline = deadline;
    }

    /** The end state the applicant should see. */
    String expectedStatus() {
        return plan == Plan.REJECT ? "REJECTED" : "ACCOUNT_ACTIVATED";
    }

    boolean approved() {
        return plan != Plan.REJECT;
    }

    void run() {
        try {
            register();
            step("address confirmed", this::confirmAddress);
            step("case ready for review (round 1)", () -> caseIs("READY_FOR_REVIEW", 1));
            if (plan == Plan.SUPPLEMENT) {
                step("returned for supplements", () -> decide("SUPPLEMENT", "AWAITING_SUPPLEMENTS"));
                step("supplements sent", this::sendSupplements);
                step("case ready for review (round 2)", () -> caseIs("READY_FOR_REVIEW", 2));
            }
            step("decided", () -> decide(plan == Plan.REJECT ? "REJECT" : "APPROVE",
                    plan == Plan.REJECT ? "REJECTED" : "APPROVED"));
            step("applicant sees " + expectedStatus(), () -> expectedStatus().equals(applicantStatus()));
            if (approved()) {
                step("union logs in", this::logIn);
            }
        } catch (Stuck e) {
            stuckAt = e.getMessage();
        }
    }

    // ---- the steps --------------------------------------------------------------------------------------------

    private void register() {
        step("registered", () -> {
            Optional<String> fromMail = receiptMail().map(ChaosApplication::idFromLink);
            if (fromMail.isPresent()) {
                applicationId = fromMail.get();
                return true;
            }
            if (applicationId != null) {
                return true;
            }
            if (!submittedBefore) {
                submit();
            }
            return applicationId != null;
        });
    }

    /** Uploads the four documents and sends the form; the answer may be lost, the receipt mail is not. */
    private void submit() {
        String charter = upload("CHARTER", "章程.pdf", "application/pdf", TestFiles.pdf("Charter " + certificateNo));
        String certificate = upload("CERTIFICATE_SCAN", "立案證書.pdf", "application/pdf",
                TestFiles.pdf("Certificate " + certificateNo));
        String seal = upload("UNION_SEAL", "圖記.jpg", "image/jpeg", TestFiles.image("SEAL " + certificateNo, "jpg"));
        String representative = upload("REPRESENTATIVE_SEAL", "負責人章.bmp", "image/bmp",
                TestFiles.image("REP " + certificateNo, "bmp"));
        if (charter == null || certificate == null || seal == null || representative == null) {
            return;
        }
        HttpResponse<String> sent = answer(c -> c.submitRegistration(certificateNo, password, email,
                "新北市混沌測試第" + index + "產業工會", List.of(charter, certificate, seal, representative), submissionId));
        // 200: the same form was stored by an earlier attempt whose answer was lost (its first receipt)
        if (sent != null && (sent.statusCode() == 201 || sent.statusCode() == 200)) {
            applicationId = JsonPath.read(sent.body(), "$.applicationId");
        } else if (sent != null && sent.body().contains("CERTIFICATE_TAKEN")) {
            submittedBefore = true;
        }
        // CERTIFICATE_TAKEN: an earlier attempt whose answer was lost went through; its receipt mail names it
    }

    private boolean confirmAddress() {
        StatusView status = status();
        if (status != null && status.contactEmailConfirmed()) {
            return true;
        }
        Optional<MailMessage> receipt = receiptMail();
        if (receipt.isEmpty()) {
            return false; // mail not there yet (or SMTP down): look again
        }
        Matcher link = CONFIRMATION_LINK.matcher(receipt.get().text());
        if (!link.find()) {
            throw new Stuck("receipt mail without a confirmation link");
        }
        answer(c -> c.postJson("/api/registrations/" + applicationId + "/email-confirmation",
                "{\"token\":\"" + link.group(2) + "\"}", null));
        StatusView after = status();
        return after != null && after.contactEmailConfirmed();
    }

    private boolean caseIs(String wanted, int round) {
        String officer = officers.reviewer();
        HttpResponse<String> view = answer(c -> c.get("/api/review/cases/" + applicationId, officer));
        if (view == null || view.statusCode() != 200) {
            return false;
        }
        String status = JsonPath.read(view.body(), "$.status");
        int documentsRound = JsonPath.read(view.body(), "$.documentsRound");
        if (documentsRound > round || !List.of("READY_FOR_REVIEW", "AWAITING_DOCUMENTS", "AWAITING_REGISTRATION")
                .contains(status)) {
            return true; // already beyond (a step repeated after a lost answer)
        }
        return wanted.equals(status) && documentsRound == round;
    }

    /** Proposes the outcome (reviewer) and signs it off (supervisor), until the case shows {@code decided}. */
    private boolean decide(String outcome, String decided) {
        String reviewer = officers.reviewer();
        HttpResponse<String> view = answer(c -> c.get("/api/review/cases/" + applicationId, reviewer));
        if (view == null || view.statusCode() != 200) {
            return false;
        }
        String status = JsonPath.read(view.body(), "$.status");
        if (status.equals(decided) || (outcome.equals("SUPPLEMENT") && Integer.valueOf(2)
                .equals(JsonPath.read(view.body(), "$.documentsRound")))) {
            return true;
        }
        switch (status) {
            case "READY_FOR_REVIEW" -> answer(c -> c.postJson("/api/review/cases/" + applicationId + "/proposal",
                    switch (outcome) {
                        case "REJECT" -> "{\"outcome\":\"REJECT\",\"reason\":\"會員人數未達法定門檻（混沌測試）\"}";
                        case "SUPPLEMENT" -> """
                                {"outcome":"SUPPLEMENT","documents":[{"kind":"UNION_SEAL","reason":"圖記模糊，請重新掃描"}],
                                 "note":"請以 300 dpi 彩色掃描"}""";
                        default -> "{\"outcome\":\"APPROVE\"}";
                    }, reviewer));
            case "AWAITING_SIGN_OFF" -> {
                Number revision = JsonPath.read(view.body(), "$.revision");
                String approver = officers.approver();
                answer(c -> c.postJson("/api/review/cases/" + applicationId + "/sign-off",
                        "{\"comment\":\"如擬\",\"revision\":" + revision + "}", approver));
            }
            default -> {
                // documents still being checked after a supplement: look again
            }
        }
        return false;
    }

    private boolean sendSupplements() {
        StatusView status = status();
        if (status == null) {
            return false;
        }
        if (status.documentsRound() >= 2) {
            return true;
        }
        if (!"RETURNED_FOR_SUPPLEMENTS".equals(status.status())) {
            return false; // the applicant's side has not heard of the return yet
        }
        String seal = upload("UNION_SEAL", "圖記-重掃.jpg", "image/jpeg",
                TestFiles.image("SEAL AGAIN " + certificateNo, "jpg"));
        if (seal == null) {
            return false;
        }
        answer(c -> c.postJson("/api/registrations/" + applicationId + "/supplements", """
                {"certificateNo":"%s","password":"%s","documents":[%s]}"""
                .formatted(certificateNo, password, seal), null));
        StatusView after = status();
        return after != null && after.documentsRound() >= 2;
    }

    private boolean logIn() {
        try {
            gateways.any().token(certificateNo, password);
            loggedIn = true;
            return true;
        } catch (RuntimeException | AssertionError notYet) {
            return false; // Keycloak down, or the account not there yet
        }
    }

    // ---- what the applicant sees ------------------------------------------------------------------------------

    record StatusView(String status, boolean contactEmailConfirmed, int documentsRound) {
    }

    private StatusView status() {
        HttpResponse<String> response = answer(c -> c.get("/api/registrations/" + applicationId + "?certificateNo="
                + certificateNo, null));
        if (response == null || response.statusCode() != 200) {
            return null;
        }
        return new StatusView(JsonPath.read(response.body(), "$.status"),
                JsonPath.read(response.body(), "$.contactEmailConfirmed"),
                JsonPath.read(response.body(), "$.documentsRound"));
    }

    String applicantStatus() {
        StatusView status = status();
        return status == null ? null : status.status();
    }

    List<MailMessage> mails(String subjectPart) {
        return stack.mailMessages().stream()
                .filter(m -> m.to() != null && m.to().contains(email) && m.subject() != null
                        && m.subject().contains(subjectPart))
                .toList();
    }

    private Optional<MailMessage> receiptMail() {
        return mails("已收到").stream().findFirst();
    }

    private static String idFromLink(MailMessage mail) {
        Matcher link = CONFIRMATION_LINK.matcher(mail.text());
        if (!link.find()) {
            throw new Stuck("receipt mail without a confirmation link");
        }
        return link.group(1);
    }

    // ---- mechanics --------------------------------------------------------------------------------------------

    /** The reference a form sends for the accepted upload (kind, id, ticket; JSON), or null when it was not accepted. */
    private String upload(String kind, String fileName, String contentType, byte[] content) {
        HttpResponse<String> response = answer(c -> c.upload(kind, fileName, contentType, content));
        return response != null && response.statusCode() == 201 ? StackClient.reference(response) : null;
    }

    /** The answer, or null when no gateway answered at all (then the step looks again). */
    private HttpResponse<String> answer(java.util.function.Function<StackClient, HttpResponse<String>> request) {
        try {
            return gateways.call(request);
        } catch (IllegalStateException noAnswer) {
            return null;
        }
    }

    /** Repeats "look, then act" until it reports done, or gives up at the run's deadline. */
    private void step(String what, BooleanSupplier done) {
        while (true) {
            boolean finished;
            try {
                finished = done.getAsBoolean();
            } catch (Stuck e) {
                throw e;
            } catch (RuntimeException e) {
                finished = false; // an answer we could not read (a 5xx page): look again
            }
            if (finished) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new Stuck(what + " (application " + applicationId + ", status " + safeStatus() + ")");
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stuck("interrupted at " + what);
            }
        }
    }

    private String safeStatus() {
        try {
            return applicationId == null ? "none" : applicantStatus();
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    static final class Stuck extends RuntimeException {
        Stuck(String message) {
            super(message);
        }
    }
}
