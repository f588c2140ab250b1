package tw.laborcloud.infra.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seeding's HTTP client: only the public addresses a browser or a union's software would use (the gateway and
 * Keycloak's token endpoint), from one loopback address of its own. Each demo applicant gets its own address
 * (127.0.1.x), as different unions come from different places: the gateway's per-address limits (ten registrations
 * an hour) then apply to the seeding as to anyone, and leave the person at 127.0.0.1 their own allowance.
 */
final class DemoClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String gateway;
    private final String keycloak;

    DemoClient(String gateway, String keycloak, InetAddress from) {
        this.gateway = gateway;
        this.keycloak = keycloak;
        this.http = HttpClient.newBuilder().localAddress(from).connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** A client for the same stack from another loopback address. */
    DemoClient from(InetAddress other) {
        return new DemoClient(gateway, keycloak, other);
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    JsonNode get(String path, String bearer) {
        return expect(200, send(request(path, bearer).GET()), "GET " + path);
    }

    JsonNode post(String path, Object body, String bearer, int expected) {
        HttpRequest.Builder request = request(path, bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body)));
        return expect(expected, send(request), "POST " + path);
    }

    /** A multipart form as a browser's form data sends it: {@code file} parts carry a name and a content type. */
    JsonNode multipart(String path, MultipartBody body, String bearer, int expected) {
        HttpRequest.Builder request = request(path, bearer)
                .header("Content-Type", "multipart/form-data; boundary=" + body.boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        return expect(expected, send(request), "POST " + path);
    }

    /** An access token from Keycloak by user name and password (the development realm's direct-grant client). */
    String token(String username, String password) {
        String form = "grant_type=password&client_id=labor-test&scope=openid&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/laborcloud/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        return expect(200, send(request), "token for " + username).path("access_token").asString();
    }

    private HttpRequest.Builder request(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DemoException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted", e);
        }
    }

    private static JsonNode expect(int status, HttpResponse<String> response, String what) {
        if (response.statusCode() != status) {
            throw new DemoException(what + " answered " + response.statusCode() + " (expected " + status + "): "
                    + abbreviate(response.body()), null);
        }
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private static String abbreviate(String body) {
        return body.length() > 600 ? body.substring(0, 600) + "…" : body;
    }

    /** The parts of one multipart body, written as they are added. */
    static final class MultipartBody {

        private final String boundary = "----laborcloud-demo-" + UUID.randomUUID();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        MultipartBody field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
            out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            write("\r\n");
            return this;
        }

        MultipartBody file(String name, String fileName, String contentType, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        private byte[] bytes() {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return copy.toByteArray();
        }

        private void write(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The seeding stopped: what was asked and what came back. */
    static final class DemoException extends RuntimeException {

        DemoException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
