package tw.laborcloud.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import tw.laborcloud.events.document.DocumentsVerified;
import tw.laborcloud.events.registration.DocumentKinds;
import tw.laborcloud.events.registration.RegistrationSubmitted.SubmittedDocument;
import tw.laborcloud.review.cases.CaseQueue;
import tw.laborcloud.review.cases.CaseStatus;
import tw.laborcloud.review.cases.ReviewCase;

/**
 * The officers' queue after the open cases are loaded: status filter, search, sort, page and
 * the per-status counts ({@link CaseQueue#page(List, CaseQueue.Query, Instant)}), which runs in
 * memory over every open case on each request. The MongoDB read before it is not measured here.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class CaseQueueBenchmark {

    /** Open (undecided) cases in the queue. */
    @Param({"1000", "10000"})
    public int openCases;

    private static final String[] TRADES = {
        "汽車駕駛員", "營造業", "美容美髮", "餐飲業", "水電工程", "機械操作員", "保全業", "木工", "看護",
        "電器修理", "計程車駕駛員", "清潔服務", "水泥工", "油漆工", "導遊", "廚師", "裝潢業", "物流業"
    };

    private static final String[] DISTRICTS = {
        "", "板橋區", "三重區", "中和區", "永和區", "新莊區", "新店區", "土城區", "蘆洲區", "汐止區", "樹林區"
    };

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    private List<ReviewCase> cases;

    @Setup
    public void fill() {
        SplittableRandom random = new SplittableRandom(2026);
        cases = new ArrayList<>(openCases);
        for (int i = 0; i < openCases; i++) {
            cases.add(openCase(i, random));
        }
    }

    /** What an officer sees first: every open case, oldest first, first page of 20. */
    @Benchmark
    public CaseQueue.Page defaultQueue() {
        return CaseQueue.page(cases, CaseQueue.Query.of(null, null, "age", null, 0, 20), NOW);
    }

    /** Looking a union up by part of its name (matches a few percent of the cases). */
    @Benchmark
    public CaseQueue.Page searchByName() {
        return CaseQueue.page(cases, CaseQueue.Query.of("OPEN", "計程車", "name", null, 0, 20), NOW);
    }

    /** A supervisor's filter: the proposals waiting for sign-off. */
    @Benchmark
    public CaseQueue.Page awaitingSignOff() {
        return CaseQueue.page(cases, CaseQueue.Query.of(CaseStatus.AWAITING_SIGN_OFF.name(), null, "age", null, 0, 20),
                NOW);
    }

    /**
     * A registered open case; the mix of statuses is roughly that of a busy queue: most ready
     * for review, a fifth proposed, some returned for supplements or still being checked.
     */
    static ReviewCase openCase(int i, SplittableRandom random) {
        String applicationId = "app-%08d-%04x".formatted(i, random.nextInt(0x10000));
        String certificateNo = "%08d".formatted(10_000_000 + random.nextInt(90_000_000));
        String unionName = "新北市" + DISTRICTS[random.nextInt(DISTRICTS.length)] + TRADES[random.nextInt(TRADES.length)]
                + "職業工會";
        Instant submittedAt = NOW.minus(Duration.ofMinutes(random.nextLong(Duration.ofDays(120).toMinutes())));
        List<SubmittedDocument> documents = List.of(
                new SubmittedDocument(DocumentKinds.CHARTER, "up-" + i + "-1"),
                new SubmittedDocument(DocumentKinds.CERTIFICATE_SCAN, "up-" + i + "-2"),
                new SubmittedDocument(DocumentKinds.UNION_SEAL, "up-" + i + "-3"),
                new SubmittedDocument(DocumentKinds.REPRESENTATIVE_SEAL, "up-" + i + "-4"),
                new SubmittedDocument(DocumentKinds.HARASSMENT_EVIDENCE, "up-" + i + "-5"));

        int kind = random.nextInt(100);
        boolean checking = kind < 10;
        boolean returned = kind >= 10 && kind < 20;
        boolean proposed = kind >= 20 && kind < 40;
        Instant verifiedAt = submittedAt.plusSeconds(30);
        ReviewCase.Verification verification = checking ? null
                : new ReviewCase.Verification(
                        random.nextInt(4) == 0 ? DocumentsVerified.Verdict.NEEDS_ATTENTION
                                : DocumentsVerified.Verdict.PASSED,
                        documents.stream().map(d -> new DocumentsVerified.VerifiedDocument(d.kind(), d.uploadId(),
                                "application/pdf", 200_000, 3, "0".repeat(64), List.of())).toList(),
                        verifiedAt, 1);
        ReviewCase.SupplementRequest supplement = returned
                ? new ReviewCase.SupplementRequest(2,
                        List.of(new ReviewCase.RequestedDocument(DocumentKinds.UNION_SEAL, "圖記模糊，請重新掃描")), null,
                        "reviewer1", "approver1", verifiedAt.plus(Duration.ofDays(2)))
                : null;
        ReviewCase.Proposal proposal = proposed
                ? new ReviewCase.Proposal(random.nextInt(5) == 0 ? ReviewCase.Outcome.REJECT : ReviewCase.Outcome.APPROVE,
                        null, List.of(), null, random.nextBoolean() ? "reviewer1" : "reviewer2",
                        verifiedAt.plus(Duration.ofDays(1)))
                : null;
        return new ReviewCase(applicationId, certificateNo, unionName, "union" + i + "@example.org", null,
                random.nextInt(10) == 0 ? null : submittedAt.plusSeconds(600), documents, submittedAt, verification, 1,
                null, proposal, supplement, null, proposed || returned ? 1L : 0L, List.of(), List.of(), List.of());
    }
}
