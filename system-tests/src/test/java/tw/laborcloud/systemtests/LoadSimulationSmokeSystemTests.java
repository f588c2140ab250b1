package tw.laborcloud.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;

import tw.laborcloud.loadbench.GatewayCostSimulation;
import tw.laborcloud.loadbench.GatlingRun;
import tw.laborcloud.loadbench.RegistrationSimulation;
import tw.laborcloud.loadbench.UploadSimulation;

/**
 * Each Gatling simulation of ./bench (docs/benchmarks.md), run for a moment against the shared
 * stack: what it sends is what the system takes, so a change to the form or the routes that would
 * make the benchmark measure refusals fails here, not in the next benchmark run.
 */
class LoadSimulationSmokeSystemTests extends StackTests {

    private static final Path RESULTS = Path.of("target/gatling");

    @Test
    void theRegistrationSimulationRegistersAUnionThatOfficersThenFindVerified() {
        GatlingRun.Result result = GatlingRun.run(RegistrationSimulation.class,
                Map.of("gateway", stack.gatewayUrl(), "users", "1", "count", "1"), RESULTS, "smoke");

        assertThat(result.failures()).as("failed requests (report %s)", result.report()).isZero();
        assertThat(result.request(RegistrationSimulation.SUBMIT).ok()).isEqualTo(1);
        String certificateNo = RegistrationSimulation.lastCertificateNo();
        String officer = client.token("reviewer1", "Reviewer1-pass!");
        await("the simulated union's case verified").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> JsonPath.<Integer>read(client.get("/api/review/cases?status=READY_FOR_REVIEW&q="
                        + certificateNo, officer).body(), "$.total"), total -> total == 1);
    }

    @Test
    void theGatewayCostSimulationGetsAnAnswerToEachOfItsRequests() {
        String certificateNo = String.valueOf(ThreadLocalRandom.current().nextInt(10_000_000, 20_000_000));
        String applicationId = client.registerUnion(certificateNo, "Union-Pass-2026",
                "clerk-" + certificateNo + "@union.example", "壓測煙霧產業工會");
        String officer = client.token("reviewer1", "Reviewer1-pass!");

        GatlingRun.Result result = GatlingRun.run(GatewayCostSimulation.class, Map.of("registrationBase",
                stack.gatewayUrl(), "reviewBase", stack.gatewayUrl(), "officerToken", officer, "applicationId",
                applicationId, "certificateNo", certificateNo, "users", "1", "seconds", "1"), RESULTS, "smoke");

        assertThat(result.failures()).as("failed requests (report %s)", result.report()).isZero();
        for (String request : new String[] {GatewayCostSimulation.REFERENCE_DATA, GatewayCostSimulation.STATUS,
                GatewayCostSimulation.QUEUE_PAGE}) {
            assertThat(result.request(request).ok()).as(request).isPositive();
        }
    }

    @Test
    void theUploadSimulationsLargeFileIsTakenByTheGatewayAndDocumentServiceAlike() {
        for (String base : new String[] {stack.gatewayUrl(), stack.serviceUrl("document-service")}) {
            GatlingRun.Result result = GatlingRun.run(UploadSimulation.class,
                    Map.of("base", base, "users", "1", "count", "1"), RESULTS, "smoke");

            assertThat(result.failures()).as("failed requests to %s (report %s)", base, result.report()).isZero();
            assertThat(result.request(UploadSimulation.UPLOAD).ok()).as(base).isEqualTo(1);
        }
    }
}
