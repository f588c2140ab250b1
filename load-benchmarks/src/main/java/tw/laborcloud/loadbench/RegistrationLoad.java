package tw.laborcloud.loadbench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import tw.laborcloud.infra.MailMessage;
import tw.laborcloud.loadbench.BenchClient.QueuedCase;

/**
 * P1, the registration burst, and P2, sign-off to activation mail under a background of
 * registrations.
 */
final class RegistrationLoad {

    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(10);

    private final BenchRun run;

    RegistrationLoad(BenchRun run) {
        this.run = run;
    }

    /** Registrations until the JIT of every path a registration takes has settled; waits until they are verified. */
    void warmUp() {
        String officer = run.client.reviewerToken();
        long before = run.client.casesPastVerification(officer);
        GatlingRun.Result warm = run.gatling(RegistrationSimulation.class,
                Map.of("gateway", run.stack.gatewayUrl(), "users", "4", "seconds",
                        String.valueOf(run.options.phaseSeconds(30))), "warm-up");
        waitForVerified(before + warm.request(RegistrationSimulation.SUBMIT).ok(), null);
    }

    /** P1: {@code clerks} clerks registering one union after another; counted when review-service has it verified. */
    double burst() {
        String officer = run.client.reviewerToken();
        long before = run.client.casesPastVerification(officer);
        Map<String, Duration> cpuBefore = run.stack.cpuTimeByPart();
        double machineBefore = BenchRun.machineBusySeconds();
        long started = System.currentTimeMillis();
        GatlingRun.Result result;
        long submitted;
        long lastVerified;
        try (Samples verified = Samples.every("verified", Duration.ofMillis(250),
                () -> run.client.casesPastVerification(officer))) {
            result = run.gatling(RegistrationSimulation.class,
                    Map.of("gateway", run.stack.gatewayUrl(), "users", String.valueOf(run.options.clerks()),
                            "seconds", String.valueOf(run.options.seconds())),
                    "P1 " + run.options.clerks() + " clerks for " + run.options.seconds() + " s");
            submitted = result.request(RegistrationSimulation.SUBMIT).ok();
            lastVerified = waitForVerified(before + submitted, verified);
        }
        Map<String, Double> cpu = run.cpuSecondsSince(cpuBefore);
        double machine = BenchRun.machineBusySeconds() - machineBefore;
        double seconds = (lastVerified - started) / 1000.0;
        double rate = submitted / seconds;
        GatlingRun.RequestStats submit = result.request(RegistrationSimulation.SUBMIT);
        run.add(Figure.atLeast("P1", "registrations/s", rate, "", 25));
        run.add(Figure.atMost("P1", "submit p99", submit.p99(), "ms", 500));
        run.add(Figure.info("P1", "submit p50", submit.p50(), "ms"));
        run.add(Figure.info("P1", "registration (captcha, 4 uploads, submit) p99 of all requests",
                result.request(GatlingRun.Result.ALL).p99(), "ms"));
        run.note("P1: %d registrations submitted by %d clerks in %d s, the last verified %.1f s after the first began; "
                .formatted(submitted, run.options.clerks(), run.options.seconds(), seconds)
                + "report " + run.options.repo().relativize(result.report()));
        double total = cpu.values().stream().mapToDouble(Double::doubleValue).sum();
        run.add(Figure.info("P1", "CPU per registration, the stack's JVMs", total * 1000 / submitted, "ms"));
        if (machineBefore >= 0) {
            run.add(Figure.info("P1", "CPU per registration, whole machine (with the OCR's tesseract processes)",
                    machine * 1000 / submitted, "ms"));
        }
        run.note("P1 CPU per registration by part (ms): " + cpu.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> "%s %.0f".formatted(e.getKey(), e.getValue() * 1000 / submitted))
                .collect(Collectors.joining(", ")) + " (the launcher JVM holds the MongoDB-wire store, mail and Gatling)");
        run.add(Figure.info("P1", "password hash (PBKDF2-SHA512, 210,000), one core, full JIT", hashMillis(), "ms"));
        return rate;
    }

    /**
     * P2: cases approved one every two seconds while unions keep registering in the background;
     * each measured from the sign-off's answer to its activation mail in the inbox.
     */
    void activation(double ceiling) {
        int cases = run.options.quick() ? 4 : 20;
        String reviewer = run.client.reviewerToken();
        List<QueuedCase> ready = run.client.readyForReview(reviewer, cases);
        for (QueuedCase c : ready) {
            if (!c.contactEmailConfirmed() && !run.client.confirmAddress(c.certificateNo())) {
                throw new IllegalStateException("no receipt mail for " + c.certificateNo());
            }
        }
        awaitConfirmed(reviewer, ready);
        double background = Math.min(10, Math.floor(ceiling * 0.8 * 2) / 2);
        if (background < 10) {
            run.note("P2: background of %.1f registrations/s, not 10: 80 %% of P1's ceiling (%.1f/s), so that the "
                    .formatted(background, ceiling) + "background does not pile up faster than it is verified");
        }
        int seconds = cases * 2 + 15;
        CompletableFuture<GatlingRun.Result> load = CompletableFuture.supplyAsync(() -> run.gatling(
                RegistrationSimulation.class, Map.of("gateway", run.stack.gatewayUrl(), "rate",
                        String.valueOf(Math.max(background, 0.5)), "seconds", String.valueOf(seconds)),
                "P2 background"));
        sleep(Duration.ofSeconds(8));
        String approver = run.client.approverToken();
        reviewer = run.client.reviewerToken();
        Map<String, Instant> signedOff = new LinkedHashMap<>();
        for (QueuedCase c : ready) {
            run.client.approve(c.applicationId(), reviewer, approver);
            signedOff.put(c.certificateNo(), Instant.now());
            sleep(Duration.ofSeconds(2));
        }
        List<Long> latencies = new ArrayList<>();
        Instant limit = Instant.now().plus(Duration.ofMinutes(3));
        for (Map.Entry<String, Instant> e : signedOff.entrySet()) {
            MailMessage mail;
            while ((mail = run.client.activationMail(e.getKey())) == null) {
                if (Instant.now().isAfter(limit)) {
                    throw new IllegalStateException("no activation mail for " + e.getKey() + " within 3 minutes");
                }
                sleep(Duration.ofMillis(100));
            }
            latencies.add(Duration.between(e.getValue(), mail.receivedAt()).toMillis());
        }
        GatlingRun.RequestStats backgroundSubmit = load.join().request(RegistrationSimulation.SUBMIT);
        run.add(Figure.atMost("P1", "submit p99 below the ceiling (P2's background of %.1f/s)".formatted(
                Math.max(background, 0.5)), backgroundSubmit.p99(), "ms", 500));
        run.add(Figure.info("P1", "submit p50 below the ceiling", backgroundSubmit.p50(), "ms"));
        run.add(Figure.info("P2", "sign-off to activation mail p50", BenchRun.percentile(latencies, 50), "ms"));
        run.add(Figure.atMost("P2", "sign-off to activation mail p99", BenchRun.percentile(latencies, 99), "ms", 2000));
        run.note("P2: %d cases, under %.1f registrations/s; each (ms): %s".formatted(latencies.size(),
                Math.max(background, 0.5), latencies));
    }

    private void awaitConfirmed(String officer, List<QueuedCase> cases) {
        Instant limit = Instant.now().plus(Duration.ofMinutes(2));
        List<String> ids = cases.stream().map(QueuedCase::applicationId).toList();
        while (run.client.readyForReview(officer, 100).stream()
                .anyMatch(c -> ids.contains(c.applicationId()) && !c.contactEmailConfirmed())) {
            if (Instant.now().isAfter(limit)) {
                throw new IllegalStateException("addresses not confirmed for officers within 2 minutes");
            }
            sleep(Duration.ofMillis(250));
        }
    }

    /** Waits until the queue holds {@code expected} verified cases; the time it first did (from the samples if any). */
    private long waitForVerified(long expected, Samples samples) {
        String officer = run.client.reviewerToken();
        Instant limit = Instant.now().plus(DRAIN_LIMIT);
        long count;
        while ((count = run.client.casesPastVerification(officer)) < expected) {
            if (Instant.now().isAfter(limit)) {
                throw new IllegalStateException("only " + count + " of " + expected + " cases verified after "
                        + DRAIN_LIMIT);
            }
            sleep(Duration.ofMillis(250));
        }
        long reached = samples == null ? -1 : samples.firstReaching(expected);
        return reached > 0 ? reached : System.currentTimeMillis();
    }

    /** The registration service's hash as it is (PBKDF2-HMAC-SHA512, 210,000 iterations), timed here: median of 9. */
    private static double hashMillis() {
        List<Long> times = new ArrayList<>();
        try {
            SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512");
            for (int i = 0; i < 12; i++) {
                long start = System.nanoTime();
                factory.generateSecret(new PBEKeySpec("Union-Pass-2026".toCharArray(), new byte[16], 210_000, 512));
                if (i >= 3) {
                    times.add((System.nanoTime() - start) / 1_000_000);
                }
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return BenchRun.percentile(times, 50);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
