package tw.laborcloud.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import tw.laborcloud.infra.LocalStack;
import tw.laborcloud.infra.StackConfig;

/**
 * The faults of {@link ChaosSystemTests}: each service instance killed with SIGKILL and started again, the Kafka
 * broker stopped for 5 s, Keycloak and SMTP away for 30 s each ({@code chaos.short}: one instance of each service and
 * the broker), at random moments spread over the expected drive, their recoveries overlapping as they would.
 */
final class ChaosFaults {

    private final LocalStack stack;
    private final Random random;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    /** The faults, one after another; the recoveries, each at its time (several may be due at once). */
    private final ScheduledExecutorService plan = Executors.newSingleThreadScheduledExecutor();
    private final ScheduledExecutorService recovery = Executors.newScheduledThreadPool(4);
    /** The last recovery scheduled for a service or a part (kafka, keycloak, smtp). */
    private final Map<String, Future<?>> recoveries = new ConcurrentHashMap<>();
    private final CompletableFuture<Instant> done = new CompletableFuture<>();

    ChaosFaults(LocalStack stack, Random random) {
        this.stack = stack;
        this.random = random;
    }

    /** What happened when, in order: "review-service-2 killed at …", "kafka back at …". */
    List<String> log() {
        return log;
    }

    /** Waits until the last fault is over (every instance restarted, every outage ended); when that was. */
    Instant awaitOver() {
        return done.join();
    }

    /**
     * Starts the faults in the background at random moments spread over the expected drive, one after another on one
     * thread; each recovery (a restart, the end of an outage) is scheduled on its own, so faults overlap as they would.
     */
    void start(boolean shortRun, int applications) {
        List<Runnable> planned = new ArrayList<>();
        if (shortRun) {
            for (String service : stack.config().services()) {
                List<String> of = stack.config().instances(service);
                String victim = of.get(random.nextInt(of.size()));
                planned.add(() -> kill(victim));
            }
        } else {
            for (String instance : stack.serviceInstances()) {
                planned.add(() -> kill(instance));
            }
            planned.add(() -> outage("keycloak", stack.faults()::stopKeycloak, stack.faults()::startKeycloak, Duration.ofSeconds(30)));
            planned.add(() -> outage("smtp", stack.faults()::stopMail, stack.faults()::startMail, Duration.ofSeconds(30)));
        }
        planned.add(() -> outage("kafka", stack.faults()::stopKafka, stack.faults()::startKafka, Duration.ofSeconds(5)));
        Collections.shuffle(planned, random);
        long expectedDriveMillis = Math.max(60_000L, applications * 1_000L);
        long spacing = expectedDriveMillis / (planned.size() + 1);
        long at = 0;
        for (Runnable fault : planned) {
            at += (long) (spacing * (0.5 + random.nextDouble()));
            plan.schedule(failingTheRun(fault), at, TimeUnit.MILLISECONDS);
        }
        // after the last fault (the plan runs its tasks in order): when every recovery has run
        plan.schedule(failingTheRun(() -> {
            recoveries.values().forEach(ChaosFaults::awaitRecovery);
            done.complete(Instant.now());
            recovery.shutdown();
            plan.shutdown();
        }), at, TimeUnit.MILLISECONDS);
    }

    /** A fault that cannot be made (or a part that does not come back) ends the run: awaitOver throws it. */
    private Runnable failingTheRun(Runnable step) {
        return () -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                recovery.shutdownNow();
                plan.shutdownNow();
            }
        };
    }

    /** SIGKILL, then a restart 2 s later; never both instances of one service down by this plan. */
    private void kill(String instance) {
        String service = StackConfig.serviceOf(instance);
        Future<?> sibling = recoveries.get(service);
        if (sibling != null) {
            awaitRecovery(sibling);
        }
        stack.faults().killService(instance);
        log.add(instance + " killed at " + Instant.now());
        recoveries.put(service, recovery.schedule(() -> {
            stack.faults().startService(instance);
            log.add(instance + " back at " + Instant.now());
        }, 2, TimeUnit.SECONDS));
    }

    private void outage(String what, Runnable stop, Runnable start, Duration length) {
        stop.run();
        log.add(what + " stopped at " + Instant.now());
        recoveries.put(what, recovery.schedule(() -> {
            start.run();
            log.add(what + " back at " + Instant.now());
        }, length.toMillis(), TimeUnit.MILLISECONDS));
    }

    private static void awaitRecovery(Future<?> recovery) {
        try {
            recovery.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a recovery failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
