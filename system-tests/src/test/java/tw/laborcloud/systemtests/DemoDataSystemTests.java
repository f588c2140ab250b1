package tw.laborcloud.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;

import tw.laborcloud.infra.demo.DemoData;

/**
 * The demo data {@code ./run} seeds into an empty data folder, seeded here into the shared stack through the same
 * public APIs, and then looked at as an officer and a union would: the register with its seals, a case in every
 * state of the queue, seal scores high for a union's own seal and low for another's, an activated union that logs in
 * with its certificate number and finds its filings.
 */
class DemoDataSystemTests extends StackTests {

    /** What the queue line of a case left in each state says: its status and whether the address was confirmed. */
    private static final Map<String, String> QUEUE_STATUS = Map.of(
            "UNCONFIRMED", "READY_FOR_REVIEW", "READY", "READY_FOR_REVIEW",
            "PROPOSED_APPROVAL", "AWAITING_SIGN_OFF", "PROPOSED_REJECTION", "AWAITING_SIGN_OFF",
            "SENT_BACK", "READY_FOR_REVIEW", "SUPPLEMENT_REQUESTED", "AWAITING_SUPPLEMENTS",
            "REJECTED", "REJECTED", "ACTIVATED", "APPROVED");

    @Test
    void theDemoDataShowsEveryStateOfTheProcessToOfficersAndUnions() {
        DemoData.Summary demo = DemoData.seed(stack, stack.config().dataDir());
        String reviewer = client.token("reviewer1", "Reviewer1-pass!");

        assertThat(demo.registered()).isEqualTo(30);
        assertThat(demo.applications().keySet()).containsExactlyInAnyOrderElementsOf(QUEUE_STATUS.keySet());
        HttpResponse<String> entry = client.get("/api/review/register/10430000", reviewer);
        assertThat(entry.statusCode()).as(entry.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(entry.body(), "$.unionName")).isEqualTo("新北市金屬加工產業工會");
        assertThat((Boolean) JsonPath.read(entry.body(), "$.seal")).isTrue();

        demo.applications().forEach((state, certificateNumbers) -> certificateNumbers.forEach(no -> {
            String queue = client.get("/api/review/cases?status=ALL&q=" + no, reviewer).body();
            assertThat(JsonPath.<List<String>>read(queue, "$.items[*].status")).as(state + " " + no + ": " + queue)
                    .containsExactly(QUEUE_STATUS.get(state));
            assertThat(JsonPath.<List<Boolean>>read(queue, "$.items[*].contactEmailConfirmed"))
                    .as(state + " " + no).containsExactly(!state.equals("UNCONFIRMED"));
        }));
        String sentBack = client.get("/api/review/cases?q=" + demo.applications().get("SENT_BACK").get(0), reviewer)
                .body();
        String sentBackCase = client.get("/api/review/cases/" + JsonPath.<String>read(sentBack, "$.items[0].applicationId"),
                reviewer).body();
        assertThat(sentBackCase).as("the supervisor's comment is in the case's history").contains("請先核對會員人數");

        List<Integer> readyScores = new ArrayList<>();
        for (String no : demo.applications().get("READY")) {
            String id = JsonPath.read(client.get("/api/review/cases?q=" + no, reviewer).body(), "$.items[0].applicationId");
            String comparison = client.get("/api/review/cases/" + id + "/seal-comparison", reviewer).body();
            readyScores.add(JsonPath.read(comparison, "$.percent"));
        }
        assertThat(readyScores).as("the unions' own seals score high, another union's seal low")
                .anyMatch(p -> p >= 80).anyMatch(p -> p <= 30);

        DemoData.Account first = demo.accounts().get(0);
        assertThat(demo.accounts()).hasSize(3);
        String union = client.token(first.certificateNo(), first.password());
        String filings = client.get("/api/union/filings", union).body();
        assertThat(JsonPath.<List<String>>read(filings, "$[*].type"))
                .containsExactlyInAnyOrder("WORK_PLAN_BUDGET", "FINAL_ACCOUNTS");
        await("the officers' acceptance reaches the union").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300)).untilAsserted(() -> assertThat(JsonPath.<List<String>>read(
                        client.get("/api/union/filings", union).body(), "$[?(@.type=='FINAL_ACCOUNTS')].status"))
                        .containsExactly("ACCEPTED"));
    }
}
