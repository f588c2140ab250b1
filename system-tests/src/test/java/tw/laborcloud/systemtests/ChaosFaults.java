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
import java.util.concurrent.Executors;

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
    private CompletableFuture<Instant> done;

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
     * Starts the faults in the background at random moments spread over the expected drive; each
     * recovery (a restart, the end of an outage) runs on its own, so faults overlap as they would.
     */
    void start(boolean shortRun, int applications) {
        List<Runnable> planned = new ArrayList<>();
        List<String> instances = stack.serviceInstances();
        Map<String, Thread> restarts = new ConcurrentHashMap<>();
        if (shortRun) {
            for (String service : stack.config().services()) {
                List<String> of = stack.config().instances(service);
                String victim = of.get(random.nextInt(of.size()));
                planned.add(() -> kill(victim, restarts));
            }
        } else {
            for (String instance : instances) {
                planned.add(() -> kill(instance, restarts));
            }
            planned.add(() -> outage("keycloak", stack.faults()::stopKeycloak, stack.faults()::startKeycloak, restarts));
            planned.add(() -> outage("smtp", stack.faults()::stopMail, stack.faults()::startMail, restarts));
        }
        planned.add(() -> {
            stack.faults().stopKafka();
            log.add("kafka stopped at " + Instant.now());
            Thread t = Thread.ofPlatform().start(() -> {
                pause(Duration.ofSeconds(5));
                stack.faults().startKafka();
                log.add("kafka back at " + Instant.now());
            });
            restarts.put("kafka", t);
        });
        Collections.shuffle(planned, random);
        long expectedDriveMillis = Math.max(60_000L, applications * 1_000L);
        long spacing = expectedDriveMillis / (planned.size() + 1);
        done = CompletableFuture.supplyAsync(() -> {
            for (Runnable fault : planned) {
                pause(Duration.ofMillis((long) (spacing * (0.5 + random.nextDouble()))));
                fault.run();
            }
            restarts.values().forEach(ChaosFaults::join);
            return Instant.now();
        }, Executors.newSingleThreadExecutor());
    }

    /** SIGKILL, then a restart in the background; never both instances of one service down by this plan. */
    private void kill(String instance, Map<String, Thread> restarts) {
        String service = StackConfig.serviceOf(instance);
        Thread sibling = restarts.get(service);
        if (sibling != null) {
            join(sibling);
        }
        stack.faults().killService(instance);
        log.add(instance + " killed at " + Instant.now());
        restarts.put(service, Thread.ofPlatform().start(() -> {
            pause(Duration.ofSeconds(2));
            stack.faults().startService(instance);
            log.add(instance + " back at " + Instant.now());
        }));
    }

    private void outage(String what, Runnable stop, Runnable start, Map<String, Thread> restarts) {
        stop.run();
        log.add(what + " stopped at " + Instant.now());
        restarts.put(what, Thread.ofPlatform().start(() -> {
            pause(Duration.ofSeconds(30));
            start.run();
            log.add(what + " back at " + Instant.now());
        }));
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
