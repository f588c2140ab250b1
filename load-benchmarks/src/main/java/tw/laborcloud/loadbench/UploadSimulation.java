package tw.laborcloud.loadbench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;

import io.gatling.javaapi.core.Simulation;

/**
 * Large uploads (P4): {@code bench.users} clients at once, each uploading a PDF just under the
 * 10 MB limit {@code bench.count} times, to {@code bench.base}: the gateway, or document-service
 * itself.
 */
public class UploadSimulation extends Simulation {

    public static final String UPLOAD = "upload 10 MB";

    private static final byte[] LARGE = BenchDocuments.largePdf();

    public UploadSimulation() {
        int users = BenchSettings.number("users", 1);
        int count = BenchSettings.number("count", 1);
        setUp(scenario("large uploads").repeat(count).on(http(UPLOAD).post("/api/documents").asMultipartForm()
                .bodyParts(StringBodyPart("kind", "CHARTER"),
                        ByteArrayBodyPart("file", LARGE).fileName("charter.pdf").contentType("application/pdf"))
                .check(status().is(201), jsonPath("$.uploadId").exists()))
                .injectOpen(atOnceUsers(users)))
                .protocols(http.baseUrl(BenchSettings.text("base")).acceptHeader("application/json"))
                .maxDuration(Duration.ofMinutes(5));
    }
}
