package tw.laborcloud.infra.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The demo data's filings: an activated demo union logs in with its certificate number and files
 * through the union-affairs API as a union clerk would, and officers accept one of them in two
 * steps, so that the union's page and the officers' filing queue show each state.
 */
final class DemoFilings {
    private final DemoClient officerClient;
    private final String reviewer;
    private final String approver;
    private final LocalDate today;

    /** @param reviewer a reviewer's access token; {@code approver} an approver's */
    DemoFilings(DemoClient officerClient, String reviewer, String approver, LocalDate today) {
        this.officerClient = officerClient;
        this.reviewer = reviewer;
        this.approver = approver;
        this.today = today;
    }

    /**
     * The activated union logs in and files: the first has a plan and budget waiting and last year's accounts
     * accepted, the second a general meeting's minutes waiting, the third a draft it has not sent.
     */
    void file(DemoUnions.Union u, int which) {
        DemoClient union = officerClient.from(DemoData.loopback(2, 10 + which));
        String token = union.token(u.certificateNo(), DemoData.PASSWORD);
        int year = today.getYear();
        switch (which) {
            case 0 -> {
                submit(union, token, filing(union, token, "WORK_PLAN_BUDGET",
                        Map.of("year", year + 1, "budgetTotal", 1_850_000), "WORK_PLAN", "BUDGET"));
                String accounts = submit(union, token, filing(union, token, "FINAL_ACCOUNTS",
                        Map.of("year", year - 1, "income", 2_400_000, "expenditure", 2_150_000), "FINAL_ACCOUNTS"));
                accept(u, accounts);
            }
            case 1 -> submit(union, token, filing(union, token, "GENERAL_MEETING_MINUTES",
                    Map.of("meetingKind", "MEMBERS", "meetingDate", today.minusDays(20).toString(), "attendees", 86,
                            "resolutions", "一、通過年度工作報告。\n二、通過會費調整案。\n三、選任第五屆理監事。"),
                    "MEETING_MINUTES"));
            default -> filing(union, token, "WORK_PLAN_BUDGET", Map.of("year", year + 1, "budgetTotal", 620_000),
                    "WORK_PLAN");
        }
    }

    /** A draft of this type with its form and one PDF per attachment kind; the draft as the service answered. */
    private JsonNode filing(DemoClient union, String token, String type, Map<String, Object> form, String... kinds) {
        List<Map<String, String>> attachments = new ArrayList<>();
        for (String kind : kinds) {
            attachments.add(DemoData.reference(DemoData.upload(union, token, kind, kind.toLowerCase() + ".pdf", "application/pdf",
                    DemoDocuments.pdf(List.of(type + " / " + kind, "Prepared by the union's secretariat.")))));
        }
        return union.post("/api/union/filings", Map.of("type", type, "form", form, "attachments", attachments), token,
                201);
    }

    private String submit(DemoClient union, String token, JsonNode draft) {
        String id = draft.path("filingId").asString();
        union.post("/api/union/filings/" + id + "/submit", Map.of("revision", draft.path("revision").asLong()), token,
                200);
        return id;
    }

    /** Officers accept a filing in two steps once it has reached their queue: the reviewer opens it once. */
    private void accept(DemoUnions.Union u, String filingId) {
        String path = "/api/review/filings/" + filingId;
        DemoData.awaitUntil("filing " + filingId + " in the officers' queue", () -> {
            for (JsonNode line : officerClient.get("/api/review/filings?q=" + u.certificateNo(), reviewer)
                    .path("items")) {
                if (filingId.equals(line.path("filingId").asString())) {
                    return "READY_FOR_REVIEW".equals(line.path("status").asString());
                }
            }
            return false;
        });
        JsonNode view = officerClient.get(path, reviewer);
        long revision = officerClient.post(path + "/proposal", Map.of("outcome", "ACCEPT", "revision",
                view.path("revision").asLong()), reviewer, 200).path("revision").asLong();
        officerClient.post(path + "/sign-off", Map.of("comment", "准予備查", "revision", revision), approver, 200);
    }
}
