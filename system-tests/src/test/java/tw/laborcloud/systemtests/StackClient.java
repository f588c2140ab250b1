package tw.laborcloud.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;

import tw.laborcloud.infra.LocalStack;
import tw.laborcloud.infra.MailMessage;

/** What a browser or an API client does against the running stack: only public addresses. */
final class StackClient {

    private static final Pattern CONFIRMATION_LINK = Pattern
            .compile("register/confirm\\.html\\?applicationId=([^&\\s]+)&token=([A-Za-z0-9_-]+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String gateway;
    private final String keycloak;
    /** The answer to a captcha, by its id: TEST under the captcha-fixed profile of the shared stack. */
    private final java.util.function.UnaryOperator<String> captchaAnswers;

    StackClient(String gateway, String keycloak) {
        this(gateway, keycloak, captchaId -> "TEST");
    }

    StackClient(String gateway, String keycloak, java.util.function.UnaryOperator<String> captchaAnswers) {
        this.gateway = gateway;
        this.keycloak = keycloak;
        this.captchaAnswers = captchaAnswers;
    }

    HttpResponse<String> get(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    HttpResponse<String> postJson(String path, String json, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    /** A multipart upload as the registration form's file fields send it. */
    HttpResponse<String> upload(String kind, String fileName, String contentType, byte[] content) {
        return multipart("/api/documents", List.of(Part.field("kind", kind),
                new Part("file", fileName, contentType, content)), null);
    }

    /** One part of a multipart form: a plain field when {@code fileName} is null. */
    record Part(String name, String fileName, String contentType, byte[] content) {

        static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    HttpResponse<String> multipart(String path, List<Part> parts, String bearer) {
        String boundary = "----laborcloud" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Part part : parts) {
                String disposition = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
                        + (part.fileName() == null ? "\r\n\r\n"
                                : "; filename=\"" + part.fileName() + "\"\r\nContent-Type: " + part.contentType()
                                        + "\r\n\r\n");
                body.write(disposition.getBytes(StandardCharsets.UTF_8));
                body.write(part.content());
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    /**
     * Registers a union as the registration form does: four documents with distinct content
     * uploaded first, then the whole form with the captcha answer of the captcha-fixed profile
     * (TEST). Returns the application id.
     */
    String registerUnion(String certificateNo, String password, String email, String unionName) {
        return registerUnion(certificateNo, password, email, unionName,
                TestFiles.image("SEAL " + certificateNo, "jpg"));
    }

    /** As above, with the scan of the union seal (附件二 圖記) as a JPEG. */
    String registerUnion(String certificateNo, String password, String email, String unionName, byte[] sealJpeg) {
        return registerUnion(certificateNo, password, email, unionName, sealJpeg,
                new Part("file", "立案證書.pdf", "application/pdf", TestFiles.pdf("Certificate " + certificateNo)));
    }

    /** As above, with this scan of the registration certificate (附件一 立案證書). */
    String registerUnion(String certificateNo, String password, String email, String unionName, byte[] sealJpeg,
            Part certificateScan) {
        String charter = uploaded("CHARTER", "章程.pdf", "application/pdf", TestFiles.pdf("Charter " + certificateNo));
        String certificate = uploaded("CERTIFICATE_SCAN", certificateScan.fileName(), certificateScan.contentType(),
                certificateScan.content());
        String seal = uploaded("UNION_SEAL", "圖記.jpg", "image/jpeg", sealJpeg);
        String representativeSeal = uploaded("REPRESENTATIVE_SEAL", "負責人章.bmp", "image/bmp",
                TestFiles.image("REP " + certificateNo, "bmp"));
        HttpResponse<String> registered = submitRegistration(certificateNo, password, email, unionName,
                List.of(charter, certificate, seal, representativeSeal));
        if (registered.statusCode() != 201) {
            throw new AssertionError("registration refused: " + registered.statusCode() + " " + registered.body());
        }
        return JsonPath.read(registered.body(), "$.applicationId");
    }

    /**
     * Sends the registration form with these document references (as {@link #reference} makes them) and a
     * fresh captcha answered as the captcha-fixed profile expects; the answer as it came.
     */
    HttpResponse<String> submitRegistration(String certificateNo, String password, String email, String unionName,
            List<String> documents) {
        return submitRegistration(certificateNo, password, email, unionName, documents, null);
    }

    /** As above, with the form's own key ({@code submissionId}: the same for every attempt of one form), or null. */
    HttpResponse<String> submitRegistration(String certificateNo, String password, String email, String unionName,
            List<String> documents, String submissionId) {
        String captchaId = JsonPath.read(get("/api/registrations/captcha", null).body(), "$.captchaId");
        return postJson("/api/registrations", """
                {"account":"%s","password":"%s","passwordConfirm":"%s","unionName":"%s",
                 "unionType":"INDUSTRIAL","unionTaxId":"","representative":"王大明","industry":"C",
                 "address":{"district":"板橋區","street":"中山路一段161號"},"mailingAddress":null,
                 "foundedOn":"2015-05-01","members":{"male":120,"female":80},"memberRepresentatives":null,
                 "directors":{"male":9,"female":6},"supervisors":{"male":3,"female":2},"memberUnions":null,
                 "contactName":"林小華","contactPhone":"02-2960-3456#123","fax":"",
                 "contactEmail":"%s","contactEmailConfirm":"%s","backupEmail":"",
                 "harassmentPreventionDone":false,"genderOneThirdRule":true,"joinedHigherUnion":false,
                 "documents":[%s],
                 "captchaId":"%s","captchaAnswer":"%s"%s}
                """.formatted(certificateNo, password, password, unionName, email, email, String.join(",", documents),
                captchaId, captchaAnswers.apply(captchaId), submissionId == null ? "" : ",\"submissionId\":\"" + submissionId + "\""), null);
    }

    /** True once the review service has the verified documents of the case (ready for review). */
    boolean caseReady(String applicationId, String officerToken) {
        HttpResponse<String> view = get("/api/review/cases/" + applicationId, officerToken);
        return view.statusCode() == 200 && "READY_FOR_REVIEW".equals(JsonPath.read(view.body(), "$.status"));
    }

    /**
     * Opens the address-confirmation link of the receipt mail (認證信) as the applicant does;
     * the bureau approves only confirmed addresses.
     */
    void confirmContactEmail(LocalStack stack, String email) {
        String applicationId = openConfirmationLink(stack, email);
        String officer = token("reviewer1", "Reviewer1-pass!");
        await("address confirmed for officers").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .ignoreExceptions().until(() -> JsonPath.<Object>read(
                        get("/api/review/cases/" + applicationId, officer).body(), "$.contactEmailConfirmedAt") != null);
    }

    /** The applicant's part of the above: the link of the receipt mail, opened; the application's id. */
    String openConfirmationLink(LocalStack stack, String email) {
        String text = await("receipt mail to " + email).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> stack.mailMessages().stream()
                        .filter(m -> m.to().contains(email) && m.subject().contains("已收到")).map(MailMessage::text)
                        .findFirst().orElse(null), t -> t != null);
        Matcher link = CONFIRMATION_LINK.matcher(text);
        if (!link.find()) {
            throw new AssertionError("no confirmation link in: " + text);
        }
        HttpResponse<String> confirmed = postJson("/api/registrations/" + link.group(1) + "/email-confirmation",
                "{\"token\":\"" + link.group(2) + "\"}", null);
        if (confirmed.statusCode() != 200) {
            throw new AssertionError("confirmation refused: " + confirmed.statusCode() + " " + confirmed.body());
        }
        return link.group(1);
    }

    /**
     * The bureau's two steps: reviewer1 proposes approval, approver1 signs it off (with tokens
     * fetched beforehand, so that this also works while Keycloak is down). Returns the sign-off.
     */
    HttpResponse<String> approve(String applicationId, String reviewerToken, String approverToken) {
        HttpResponse<String> proposed = postJson("/api/review/cases/" + applicationId + "/proposal",
                "{\"outcome\":\"APPROVE\"}", reviewerToken);
        if (proposed.statusCode() != 200) {
            throw new AssertionError("proposal refused: " + proposed.statusCode() + " " + proposed.body());
        }
        // the supervisor signs off the proposal as it was shown (its revision)
        Number revision = JsonPath.read(proposed.body(), "$.revision");
        return postJson("/api/review/cases/" + applicationId + "/sign-off",
                "{\"comment\":\"如擬\",\"revision\":" + revision + "}", approverToken);
    }

    /** The applicant's view of the application's status (e.g. UNDER_REVIEW, APPROVED, ACCOUNT_ACTIVATED). */
    String applicationStatus(String applicationId, String certificateNo) {
        return JsonPath.read(get("/api/registrations/" + applicationId + "?certificateNo=" + certificateNo, null).body(),
                "$.status");
    }

    /** Uploads the file, which must be accepted; returns the reference a form sends for it (JSON). */
    String uploaded(String kind, String fileName, String contentType, byte[] content) {
        HttpResponse<String> response = upload(kind, fileName, contentType, content);
        if (response.statusCode() != 201) {
            throw new AssertionError("upload refused: " + response.statusCode() + " " + response.body());
        }
        return reference(response);
    }

    /**
     * The reference to an accepted upload as the pages send it in a form: kind, id and the ticket
     * of the upload's answer, e.g. {"kind":"CHARTER","uploadId":"…","ticket":"…"}.
     */
    static String reference(HttpResponse<String> accepted) {
        return "{\"kind\":\"%s\",\"uploadId\":\"%s\",\"ticket\":\"%s\"}".formatted(
                JsonPath.<String>read(accepted.body(), "$.kind"), JsonPath.<String>read(accepted.body(), "$.uploadId"),
                JsonPath.<String>read(accepted.body(), "$.ticket"));
    }

    record ActivatedUnion(String certificateNo, String password, String email, String name, String applicationId) {
    }

    /**
     * A union registered, verified, its address confirmed and approved in two steps through the
     * API, whose activation mail has arrived: ready to log in.
     */
    ActivatedUnion activatedUnion(LocalStack stack, String name) {
        String certificateNo = String.valueOf(java.util.concurrent.ThreadLocalRandom.current()
                .nextInt(20_000_000, 99_999_999));
        String email = "clerk-" + certificateNo + "@union.example";
        String password = "Union-Pass-2026";
        String applicationId = registerUnion(certificateNo, password, email, name);
        String approver = token("approver1", "Approver1-pass!");
        String reviewer = token("reviewer1", "Reviewer1-pass!");
        confirmContactEmail(stack, email);
        await("case ready").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> caseReady(applicationId, approver));
        HttpResponse<String> approved = approve(applicationId, reviewer, approver);
        if (approved.statusCode() != 200) {
            throw new AssertionError("sign-off refused: " + approved.statusCode() + " " + approved.body());
        }
        java.time.Instant signedOff = java.time.Instant.now();
        MailMessage mail = await("activation mail").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> stack.mailMessages().stream().filter(m -> m.to().contains(email)
                        && RegistrationToActivationSystemTests.isActivation(m)).findFirst().orElse(null), m -> m != null);
        System.out.printf("sign-off to activation mail (%s): %d ms%n", certificateNo,
                Duration.between(signedOff, mail.receivedAt()).toMillis());
        return new ActivatedUnion(certificateNo, password, email, name, applicationId);
    }

    /**
     * A token from Keycloak with user name and password (the dev-only direct-grant client
     * labor-test), as a union or an officer would get by logging in.
     */
    String token(String username, String password) {
        String form = "grant_type=password&client_id=labor-test&scope=openid&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/laborcloud/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw new AssertionError("Keycloak refused " + username + ": " + response.statusCode() + " " + response.body());
        }
        return JsonPath.read(response.body(), "$.access_token");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
