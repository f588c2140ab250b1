package tw.laborcloud.loadbench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import tw.laborcloud.loadbench.BenchDocuments.RegistrationFiles;

/**
 * A union registering through the gateway as the registration form does: a captcha, the four
 * documents uploaded one after the other, then the form (P1, and P2's background).
 * <ul>
 * <li>{@code bench.gateway}: the gateway's address;</li>
 * <li>{@code bench.rate}: new unions per second for {@code bench.seconds} (an open model, as the
 * public arrives); or else</li>
 * <li>{@code bench.users} clerks at once, each registering one union after another for
 * {@code bench.seconds}, or {@code bench.count} times (a closed model: the ceiling).</li>
 * </ul>
 * The captcha's answer is TEST: the registration service runs with its captcha-fixed profile in
 * benchmark runs only, as in the system tests.
 */
public class RegistrationSimulation extends Simulation {

    /** Registration-certificate numbers (the account): unique within a run of the JVM. */
    private static final AtomicLong NEXT_CERTIFICATE = new AtomicLong(
            ThreadLocalRandom.current().nextInt(2_000, 9_000) * 10_000L);

    private static final RegistrationFiles FILES = RegistrationFiles.INSTANCE;

    public static final String SUBMIT = "submit";

    public RegistrationSimulation() {
        ChainBuilder register = exec(session -> session.set("certificateNo",
                String.valueOf(NEXT_CERTIFICATE.getAndIncrement())))
                .exec(http("captcha").get("/api/registrations/captcha")
                        .check(status().is(200), jsonPath("$.captchaId").saveAs("captchaId")))
                .exec(upload("charter", "CHARTER", "charter.pdf", "application/pdf", FILES.charter()))
                .exec(upload("certificate", "CERTIFICATE_SCAN", "certificate.pdf", "application/pdf",
                        FILES.certificate()))
                .exec(upload("unionSeal", "UNION_SEAL", "seal.jpg", "image/jpeg", FILES.unionSeal()))
                .exec(upload("representativeSeal", "REPRESENTATIVE_SEAL", "representative.bmp", "image/bmp",
                        FILES.representativeSeal()))
                .exec(http(SUBMIT).post("/api/registrations").body(StringBody(RegistrationSimulation::form)).asJson()
                        .check(status().is(201)));

        double rate = BenchSettings.decimal("rate", 0);
        Duration seconds = BenchSettings.seconds("seconds", 10);
        PopulationBuilder population;
        if (rate > 0) {
            population = scenario("unions arriving").exec(register).injectOpen(constantUsersPerSec(rate).during(seconds));
        } else {
            int users = BenchSettings.number("users", 1);
            int count = BenchSettings.number("count", 0);
            ScenarioBuilder clerks = count > 0 ? scenario("clerks").repeat(count).on(register)
                    : scenario("clerks").during(seconds).on(register);
            population = clerks.injectOpen(atOnceUsers(users));
        }
        setUp(population).protocols(http.baseUrl(BenchSettings.text("gateway")).acceptHeader("application/json"))
                .maxDuration(seconds.plusMinutes(2));
    }

    /** The account (registration-certificate number) of the union this JVM registered last. */
    public static String lastCertificateNo() {
        return String.valueOf(NEXT_CERTIFICATE.get() - 1);
    }

    private static HttpRequestActionBuilder upload(String name, String kind, String fileName, String contentType,
            byte[] content) {
        return http("upload " + name).post("/api/documents").asMultipartForm()
                .bodyParts(StringBodyPart("kind", kind),
                        ByteArrayBodyPart("file", content).fileName(fileName).contentType(contentType))
                .check(status().is(201), jsonPath("$.uploadId").saveAs(name + "Id"),
                        jsonPath("$.ticket").saveAs(name + "Ticket"));
    }

    /** The registration form as the page sends it, with the session's uploads and captcha. */
    private static String form(Session session) {
        String certificateNo = session.getString("certificateNo");
        String documents = String.join(",", reference(session, "charter", "CHARTER"),
                reference(session, "certificate", "CERTIFICATE_SCAN"), reference(session, "unionSeal", "UNION_SEAL"),
                reference(session, "representativeSeal", "REPRESENTATIVE_SEAL"));
        String email = "clerk-" + certificateNo + "@union.example";
        return """
                {"account":"%s","password":"Union-Pass-2026","passwordConfirm":"Union-Pass-2026",
                 "unionName":"效能測試產業工會%s","unionType":"INDUSTRIAL","unionTaxId":"","representative":"王大明",
                 "industry":"C","address":{"district":"板橋區","street":"中山路一段161號"},"mailingAddress":null,
                 "foundedOn":"2015-05-01","members":{"male":120,"female":80},"memberRepresentatives":null,
                 "directors":{"male":9,"female":6},"supervisors":{"male":3,"female":2},"memberUnions":null,
                 "contactName":"林小華","contactPhone":"02-2960-3456#123","fax":"",
                 "contactEmail":"%s","contactEmailConfirm":"%s","backupEmail":"",
                 "harassmentPreventionDone":false,"genderOneThirdRule":true,"joinedHigherUnion":false,
                 "documents":[%s],"captchaId":"%s","captchaAnswer":"TEST"}
                """.formatted(certificateNo, certificateNo, email, email, documents, session.getString("captchaId"));
    }

    private static String reference(Session session, String name, String kind) {
        return "{\"kind\":\"%s\",\"uploadId\":\"%s\",\"ticket\":\"%s\"}".formatted(kind,
                session.getString(name + "Id"), session.getString(name + "Ticket"));
    }
}
