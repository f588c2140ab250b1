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
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

/** What a browser or an API client does against the running stack: only public addresses. */
final class StackClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String gateway;
    private final String keycloak;

    StackClient(String gateway, String keycloak) {
        this.gateway = gateway;
        this.keycloak = keycloak;
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
        String boundary = "----laborcloud" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(HttpRequest.newBuilder(URI.create(gateway + "/api/documents"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /**
     * Registers a union as the registration form does: four documents with distinct content
     * uploaded first, then the whole form with the captcha answer of the captcha-fixed profile
     * (TEST). Returns the application id.
     */
    String registerUnion(String certificateNo, String password, String email, String unionName) {
        String charter = uploadId("CHARTER", "章程.pdf", "application/pdf", TestFiles.pdf("Charter " + certificateNo));
        String certificate = uploadId("CERTIFICATE_SCAN", "立案證書.pdf", "application/pdf",
                TestFiles.pdf("Certificate " + certificateNo));
        String seal = uploadId("UNION_SEAL", "圖記.jpg", "image/jpeg", TestFiles.image("SEAL " + certificateNo, "jpg"));
        String representativeSeal = uploadId("REPRESENTATIVE_SEAL", "負責人章.bmp", "image/bmp",
                TestFiles.image("REP " + certificateNo, "bmp"));
        String captchaId = JsonPath.read(get("/api/registrations/captcha", null).body(), "$.captchaId");
        HttpResponse<String> registered = postJson("/api/registrations", """
                {"account":"%s","password":"%s","passwordConfirm":"%s","unionName":"%s",
                 "unionType":"INDUSTRIAL","unionTaxId":"","representative":"王大明","industry":"C",
                 "address":{"district":"板橋區","street":"中山路一段161號"},"mailingAddress":null,
                 "foundedOn":"2015-05-01","members":{"male":120,"female":80},"memberRepresentatives":null,
                 "directors":{"male":9,"female":6},"supervisors":{"male":3,"female":2},"memberUnions":null,
                 "contactName":"林小華","contactPhone":"02-2960-3456#123","fax":"",
                 "contactEmail":"%s","contactEmailConfirm":"%s","backupEmail":"",
                 "harassmentPreventionDone":false,"genderOneThirdRule":true,"joinedHigherUnion":false,
                 "documents":[{"kind":"CHARTER","uploadId":"%s"},{"kind":"CERTIFICATE_SCAN","uploadId":"%s"},
                   {"kind":"UNION_SEAL","uploadId":"%s"},{"kind":"REPRESENTATIVE_SEAL","uploadId":"%s"}],
                 "captchaId":"%s","captchaAnswer":"TEST"}
                """.formatted(certificateNo, password, password, unionName, email, email, charter, certificate, seal,
                representativeSeal, captchaId), null);
        if (registered.statusCode() != 201) {
            throw new AssertionError("registration refused: " + registered.statusCode() + " " + registered.body());
        }
        return JsonPath.read(registered.body(), "$.applicationId");
    }

    /** True once the review service has the verified documents of the case (ready for review). */
    boolean caseReady(String applicationId, String officerToken) {
        HttpResponse<String> view = get("/api/review/cases/" + applicationId, officerToken);
        return view.statusCode() == 200 && JsonPath.<Object>read(view.body(), "$.verification") != null;
    }

    /** The applicant's view of the application's status (e.g. UNDER_REVIEW, APPROVED, ACCOUNT_ACTIVATED). */
    String applicationStatus(String applicationId, String certificateNo) {
        return JsonPath.read(get("/api/registrations/" + applicationId + "?certificateNo=" + certificateNo, null).body(),
                "$.status");
    }

    private String uploadId(String kind, String fileName, String contentType, byte[] content) {
        HttpResponse<String> response = upload(kind, fileName, contentType, content);
        if (response.statusCode() != 201) {
            throw new AssertionError("upload refused: " + response.statusCode() + " " + response.body());
        }
        return JsonPath.read(response.body(), "$.uploadId");
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
