package tw.laborcloud.loadbench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import tw.laborcloud.loadbench.BenchClient.QueuedCase;

/**
 * P3, the gateway's own cost on everyday requests, and P4, large uploads through the gateway and
 * straight to document-service: each measured both ways in the same run, one after the other.
 */
final class GatewayLoad {

    private static final int SATURATING_USERS = 16;

    private final BenchRun run;

    GatewayLoad(BenchRun run) {
        this.run = run;
    }

    /** P3 at concurrency 1 and saturated, through the gateway and straight to the services. */
    void cost() {
        String officer = run.client.reviewerToken();
        QueuedCase any = run.client.readyForReview(officer, 1).getFirst();
        int seconds = run.options.phaseSeconds(10);
        String gateway = run.stack.gatewayUrl();
        // warm both paths' JIT first (figures discarded)
        costRun(gateway, gateway, officer, any, 4, seconds, "P3 warm-up, gateway");
        costRun(run.stack.serviceUrl("registration-service"), run.stack.serviceUrl("review-service"), officer, any,
                4, seconds, "P3 warm-up, direct");
        for (int users : List.of(1, SATURATING_USERS)) {
            GatlingRun.Result via = costRun(gateway, gateway, officer, any, users, seconds,
                    "P3 through the gateway, " + users + " at once");
            GatlingRun.Result direct = costRun(run.stack.serviceUrl("registration-service"),
                    run.stack.serviceUrl("review-service"), officer, any, users, seconds,
                    "P3 straight to the services, " + users + " at once");
            for (String request : List.of(GatewayCostSimulation.REFERENCE_DATA, GatewayCostSimulation.STATUS,
                    GatewayCostSimulation.QUEUE_PAGE)) {
                GatlingRun.RequestStats g = via.request(request);
                GatlingRun.RequestStats d = direct.request(request);
                if (users == 1) {
                    run.add(Figure.atMost("P3", request + " p50 added by the gateway", g.p50() - d.p50(), "ms", 1));
                    // one client in a closed loop: its mean time is the run's length over its count, to the microsecond
                    double added = 1000.0 * seconds / g.count() - 1000.0 * seconds / d.count();
                    run.add(Figure.info("P3", request + " mean added by the gateway", added, "ms"));
                    run.note("P3 %s at 1: gateway p50 %d ms, p99 %d ms, %d requests; direct p50 %d ms, p99 %d ms, %d requests"
                            .formatted(request, g.p50(), g.p99(), g.count(), d.p50(), d.p99(), d.count()));
                } else {
                    double share = 100.0 * g.count() / d.count();
                    if (request.equals(GatewayCostSimulation.REFERENCE_DATA)) {
                        run.add(Figure.info("P3", request + " saturated throughput, gateway/direct", share, "%"));
                    } else {
                        run.add(Figure.atLeast("P3", request + " saturated throughput, gateway/direct", share, "%", 60));
                    }
                    run.note("P3 %s at %d: gateway %.0f/s (p99 %d ms), direct %.0f/s (p99 %d ms)".formatted(request,
                            users, g.count() / (double) seconds, g.p99(), d.count() / (double) seconds, d.p99()));
                }
            }
        }
    }

    private GatlingRun.Result costRun(String registrationBase, String reviewBase, String officer, QueuedCase c,
            int users, int seconds, String description) {
        return run.gatling(GatewayCostSimulation.class, Map.of("registrationBase", registrationBase, "reviewBase",
                reviewBase, "officerToken", officer, "applicationId", c.applicationId(), "certificateNo",
                c.certificateNo(), "users", String.valueOf(users), "seconds", String.valueOf(seconds)), description);
    }

    /** P4: one upload at a time, then ten at once, each way; heap growth of the gateway and document-service. */
    void uploads() {
        String gateway = run.stack.gatewayUrl();
        String document = run.stack.serviceUrl("document-service");
        int count = run.options.quick() ? 2 : 5;
        upload(gateway, 1, 2, "P4 warm-up, gateway");
        upload(document, 1, 2, "P4 warm-up, direct");
        GatlingRun.RequestStats via = upload(gateway, 1, count, "P4 one at a time, through the gateway");
        GatlingRun.RequestStats direct = upload(document, 1, count, "P4 one at a time, straight to document-service");
        run.add(Figure.atLeast("P4", "10 MB upload speed through the gateway, share of direct",
                100.0 * direct.mean() / via.mean(), "%", 50));
        run.note("P4 one at a time: gateway mean %d ms (%.1f MB/s), direct mean %d ms (%.1f MB/s)".formatted(via.mean(),
                mbPerSecond(via.mean()), direct.mean(), mbPerSecond(direct.mean())));

        long gatewayBefore;
        long documentBefore;
        long gatewayPeak;
        long documentPeak;
        GatlingRun.RequestStats tenVia;
        GatlingRun.RequestStats tenDirect;
        try (JvmHeap gatewayJvm = JvmHeap.attach(run.stack.servicePid("gateway").orElseThrow());
                JvmHeap documentJvm = JvmHeap.attach(run.stack.servicePid("document-service").orElseThrow())) {
            gatewayBefore = gatewayJvm.usedMegabytes();
            documentBefore = documentJvm.usedMegabytes();
            try (Samples gatewayHeap = Samples.every("gateway-heap", Duration.ofMillis(50), gatewayJvm::usedMegabytes);
                    Samples documentHeap = Samples.every("document-heap", Duration.ofMillis(50),
                            documentJvm::usedMegabytes)) {
                tenVia = upload(gateway, 10, 1, "P4 ten at once, through the gateway");
                tenDirect = upload(document, 10, 1, "P4 ten at once, straight to document-service");
                gatewayPeak = gatewayHeap.max();
                documentPeak = documentHeap.max();
            }
        }
        run.add(Figure.atMost("P4", "gateway heap growth, ten at once", gatewayPeak - gatewayBefore, "MB", 64));
        run.add(Figure.atMost("P4", "document-service heap growth, ten at once", documentPeak - documentBefore, "MB",
                64));
        run.add(Figure.info("P4", "ten at once through the gateway, share of direct speed",
                100.0 * tenDirect.mean() / tenVia.mean(), "%"));
        run.note("P4 ten at once: gateway mean %d ms, max %d ms; direct mean %d ms, max %d ms; heap before/peak: gateway %d/%d MB, document-service %d/%d MB"
                .formatted(tenVia.mean(), tenVia.max(), tenDirect.mean(), tenDirect.max(), gatewayBefore, gatewayPeak,
                        documentBefore, documentPeak));
    }

    private GatlingRun.RequestStats upload(String base, int users, int count, String description) {
        return run.gatling(UploadSimulation.class, Map.of("base", base, "users", String.valueOf(users), "count",
                String.valueOf(count)), description).request(UploadSimulation.UPLOAD);
    }

    private static double mbPerSecond(long millis) {
        return BenchDocuments.LARGE_BYTES / 1e6 / (millis / 1000.0);
    }
}
