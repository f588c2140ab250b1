package tw.laborcloud.loadbench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The gateway's cost (P3): three everyday requests, one after the other, each by
 * {@code bench.users} clients at once for {@code bench.seconds}, sent either through the gateway
 * or straight to the service (the same simulation, pointed at other addresses):
 * <ul>
 * <li>"reference data": the form's lists ({@code bench.registrationBase});</li>
 * <li>"status": an application's status as its applicant looks it up ({@code bench.applicationId},
 * {@code bench.certificateNo});</li>
 * <li>"queue page": an officer's first page of the queue with a token ({@code bench.reviewBase},
 * {@code bench.officerToken}).</li>
 * </ul>
 */
public class GatewayCostSimulation extends Simulation {

    public static final String REFERENCE_DATA = "reference data";
    public static final String STATUS = "status";
    public static final String QUEUE_PAGE = "queue page";

    public GatewayCostSimulation() {
        int users = BenchSettings.number("users", 1);
        Duration seconds = BenchSettings.seconds("seconds", 10);
        String registration = BenchSettings.text("registrationBase");
        String review = BenchSettings.text("reviewBase");
        HttpRequestActionBuilder referenceData = http(REFERENCE_DATA)
                .get(registration + "/api/registrations/reference-data").check(status().is(200));
        HttpRequestActionBuilder status = http(STATUS).get(registration + "/api/registrations/"
                + BenchSettings.text("applicationId") + "?certificateNo=" + BenchSettings.text("certificateNo"))
                .check(status().is(200));
        HttpRequestActionBuilder queue = http(QUEUE_PAGE).get(review + "/api/review/cases?page=0&size=20")
                .header("Authorization", "Bearer " + BenchSettings.text("officerToken")).check(status().is(200));
        setUp(looping(REFERENCE_DATA, referenceData, users, seconds)
                .andThen(looping(STATUS, status, users, seconds).andThen(looping(QUEUE_PAGE, queue, users, seconds))))
                .protocols(http.acceptHeader("application/json").disableCaching()).maxDuration(seconds.multipliedBy(3).plusMinutes(1));
    }

    private static PopulationBuilder looping(String name, HttpRequestActionBuilder request, int users,
            Duration seconds) {
        return scenario(name).during(seconds).on(request).injectOpen(atOnceUsers(users));
    }
}
