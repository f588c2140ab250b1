package tw.laborcloud.loadbench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import tw.laborcloud.infra.LocalStack;
import tw.laborcloud.infra.MailMessage;

/**
 * What ./bench does besides Gatling's load, through the stack's public addresses as a user
 * would: officers' tokens from Keycloak, the queue's counts, an address confirmed from its
 * receipt mail, the bureau's two-step approval.
 */
final class BenchClient {

    private static final Pattern CONFIRMATION_LINK = Pattern
            .compile("register/confirm\\.html\\?applicationId=([^&\\s]+)&token=([A-Za-z0-9_-]+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final LocalStack stack;

    BenchClient(LocalStack stack) {
        this.stack = stack;
    }

    /** A case waiting for review, as the queue lists it. */
    record QueuedCase(String applicationId, String certificateNo, boolean contactEmailConfirmed) {
    }

    /** An officer's (or a union's) token, by the dev realm's direct-grant client labor-test. */
    String token(String username, String password) {
        String form = "grant_type=password&client_id=labor-test&scope=openid&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl() + "/realms/"
                + stack.keycloakRealm() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), 200);
        return answer.get("access_token").asString();
    }

    String reviewerToken() {
        return token("reviewer1", "Reviewer1-pass!");
    }

    String approverToken() {
        return token("approver1", "Approver1-pass!");
    }

    /** Open cases in the officers' queue: every case that has left document verification behind. */
    long casesPastVerification(String officerToken) {
        JsonNode counts = get("/api/review/cases?page=0&size=1", officerToken).get("counts");
        return counts.get("readyForReview").asLong() + counts.get("awaitingSignOff").asLong();
    }

    /** Up to {@code size} cases ready for review, oldest first as the queue sorts them. */
    List<QueuedCase> readyForReview(String officerToken, int size) {
        List<QueuedCase> out = new ArrayList<>();
        for (JsonNode line : get("/api/review/cases?status=READY_FOR_REVIEW&page=0&size=" + size, officerToken)
                .get("items")) {
            out.add(new QueuedCase(line.get("applicationId").asString(), line.get("certificateNo").asString(),
                    line.get("contactEmailConfirmed").asBoolean()));
        }
        return out;
    }

    /** Opens the link of the receipt mail sent to this union, as its clerk does; false when no mail came yet. */
    boolean confirmAddress(String certificateNo) {
        String email = email(certificateNo);
        for (MailMessage mail : stack.mailMessages()) {
            if (mail.to().contains(email) && mail.subject() != null && mail.subject().contains("已收到")) {
                Matcher link = CONFIRMATION_LINK.matcher(mail.text());
                if (link.find()) {
                    post("/api/registrations/" + link.group(1) + "/email-confirmation",
                            "{\"token\":\"" + link.group(2) + "\"}", null, 200);
                    return true;
                }
            }
        }
        return false;
    }

    /** The activation mail to this union, once it has arrived. */
    MailMessage activationMail(String certificateNo) {
        String email = email(certificateNo);
        return stack.mailMessages().stream()
                .filter(m -> m.to().contains(email) && m.subject() != null && m.subject().contains("啟用"))
                .findFirst().orElse(null);
    }

    /** The bureau's two steps: a clerk's proposal to approve, the supervisor's sign-off of it. */
    void approve(String applicationId, String reviewerToken, String approverToken) {
        JsonNode proposal = post("/api/review/cases/" + applicationId + "/proposal", "{\"outcome\":\"APPROVE\"}",
                reviewerToken, 200);
        post("/api/review/cases/" + applicationId + "/sign-off",
                "{\"comment\":\"如擬\",\"revision\":" + proposal.get("revision").asLong() + "}", approverToken, 200);
    }

    static String email(String certificateNo) {
        return "clerk-" + certificateNo + "@union.example";
    }

    private JsonNode get(String path, String bearer) {
        return send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Authorization", "Bearer " + bearer).GET(), 200);
    }

    private JsonNode post(String path, String body, String bearer, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request, expected);
    }

    private JsonNode send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(response.request().method() + " " + response.request().uri() + ": "
                        + response.statusCode() + " " + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
