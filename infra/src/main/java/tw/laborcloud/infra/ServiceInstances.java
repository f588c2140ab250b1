package tw.laborcloud.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The service instances of a stack, each its own JVM: started from their laid-out jars ({@link ServiceLayout}),
 * two at a time with the gateway last, each awaited on its health endpoint; stopped, killed and started again one
 * by one for the tests' faults; restarted without the arguments they had only for a while (the demo seeding's
 * fixed captcha).
 */
final class ServiceInstances {

    static final String PROJECT_VERSION = "0.1.0-SNAPSHOT";

    private final StackConfig config;
    private final Readiness readiness;
    /** What every instance gets on its command line (ports, addresses of the other parts, its secrets). */
    private final Function<String, List<String>> arguments;
    /** Starts a process unless the stack is stopping, then records the children's pids. */
    private final Consumer<Runnable> launch;
    private final Map<String, Duration> startTimes;
    private final Map<String, ChildProcess> processes = new ConcurrentHashMap<>();
    /** Arguments some services get until {@link #endTemporaryArgs()} (the demo seeding's fixed captcha). */
    private final Map<String, List<String>> temporaryArgs = new ConcurrentHashMap<>();

    ServiceInstances(StackConfig config, Readiness readiness, Function<String, List<String>> arguments,
            Consumer<Runnable> launch, Map<String, Duration> startTimes, Map<String, List<String>> temporaryArgs) {
        this.config = config;
        this.readiness = readiness;
        this.arguments = arguments;
        this.launch = launch;
        this.startTimes = startTimes;
        temporaryArgs.forEach((service, args) -> this.temporaryArgs.put(StackConfig.serviceOf(service),
                List.copyOf(args)));
    }

    /** Before anything starts: every service's jar is there, and layouts of older builds are removed. */
    void prepare() {
        Map<String, Path> jars = new LinkedHashMap<>();
        config.services().forEach(service -> jars.put(service, jar(service)));
        ServiceLayout.removeStale(config.dataDir().resolve("run"), jars);
    }

    /** Every instance of every configured service, two at a time, then the gateway's. */
    void startAll() {
        List<String> first = config.allInstances().stream()
                .filter(s -> !StackConfig.serviceOf(s).equals("gateway")).toList();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "service-starter");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<String> done = new ExecutorCompletionService<>(pool);
            for (String name : first) {
                done.submit(() -> {
                    start(name);
                    return name;
                });
            }
            for (int i = 0; i < first.size(); i++) {
                done.take().get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new StackException("service start failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while starting services", e);
        } finally {
            pool.shutdownNow();
        }
        if (config.services().contains("gateway")) {
            config.instances("gateway").forEach(this::start);
        }
    }

    /** Starts (or restarts) one instance and waits until it is healthy; one that is running is only awaited. */
    void start(String name) {
        StackConfig.serviceOf(name);
        ChildProcess p = processes.computeIfAbsent(name, this::newProcess);
        String health = healthUrl(name);
        if (p.isAlive()) {
            readiness.awaitHttp(name, p, config.serviceStartTimeout(), health);
            return;
        }
        Instant t0 = Instant.now();
        launch.accept(p::start);
        Log.info("%s: starting on port %d (pid %d, log %s)", name, config.instancePort(name), p.pid(), p.logFile());
        try {
            readiness.awaitHttp(name, p, config.serviceStartTimeout(), health);
        } catch (RuntimeException e) {
            p.stop(Duration.ofSeconds(5));
            throw e;
        }
        startTimes.put(name, Duration.between(t0, Instant.now()));
        Log.info("%s: healthy after %s", name, Log.seconds(startTimes.get(name)));
    }

    /** SIGTERM (graceful shutdown), then SIGKILL after {@link StackConfig#stopTimeout()}. */
    void stop(String name) {
        ChildProcess p = processes.get(known(name));
        if (p != null) {
            p.stop(config.stopTimeout());
            Log.info("%s: stopped", name);
        }
    }

    /** SIGKILL, no shutdown (a crash). */
    void kill(String name) {
        ChildProcess p = processes.get(known(name));
        if (p != null) {
            p.kill();
            Log.info("%s: killed", name);
        }
    }

    /** Every instance at once, each given {@code grace} to shut down. */
    void stopAll(Duration grace) {
        List<Thread> stoppers = new ArrayList<>();
        for (ChildProcess p : processes.values()) {
            stoppers.add(Thread.ofVirtual().name("stop-" + p.name()).start(() -> p.stop(grace)));
        }
        for (Thread t : stoppers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Restarts, one instance at a time, every service that was started with temporary arguments, now without them
     * (the other instances keep serving meanwhile).
     */
    void endTemporaryArgs() {
        List<String> changed = List.copyOf(temporaryArgs.keySet());
        temporaryArgs.clear();
        for (String service : changed) {
            for (String name : config.instances(service)) {
                stop(name);
                processes.remove(name);
                start(name);
            }
        }
    }

    boolean isRunning(String name) {
        ChildProcess p = processes.get(known(name));
        return p != null && p.isAlive();
    }

    OptionalLong pid(String name) {
        ChildProcess p = processes.get(known(name));
        return p != null && p.isAlive() ? OptionalLong.of(p.pid()) : OptionalLong.empty();
    }

    Collection<ChildProcess> processes() {
        return processes.values();
    }

    String healthUrl(String name) {
        return "http://127.0.0.1:" + config.instancePort(name) + "/actuator/health";
    }

    /** The instance's name, checked: a service ({@code gateway}) or one of its instances ({@code gateway-2}). */
    private static String known(String name) {
        StackConfig.serviceOf(name);
        return name;
    }

    /**
     * An instance's process, from the layout of its service's current build ({@link ServiceLayout}); made at the
     * instance's first start, so its restarts (a test's crash and recovery) run the same build.
     */
    private ChildProcess newProcess(String name) {
        String service = StackConfig.serviceOf(name);
        Path launchJar = ServiceLayout.prepare(jar(service), config.dataDir().resolve("run"), service);
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-Xms64m", "-Xmx320m",
                "-XX:+UseSerialGC"));
        command.addAll(StackService.named(service).jit().jvmOptions());
        command.addAll(List.of("-jar", launchJar.toString()));
        command.addAll(arguments.apply(name));
        command.addAll(temporaryArgs.getOrDefault(service, List.of()));
        return new ChildProcess(name, command, Map.of(), n -> false, config.dataDir().resolve("work").resolve(name),
                config.dataDir().resolve("logs").resolve(name + ".log"));
    }

    /** {@code <repoRoot>/<module>/target/<module>-0.1.0-SNAPSHOT-exec.jar} (or the newest {@code *-exec.jar}). */
    private Path jar(String name) {
        Path target = config.repoRoot().resolve(name).resolve("target");
        Path expected = target.resolve(name + "-" + PROJECT_VERSION + "-exec.jar");
        if (Files.isRegularFile(expected)) {
            return expected;
        }
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                Optional<Path> any = files
                        .filter(f -> f.getFileName().toString().startsWith(name + "-")
                                && f.getFileName().toString().endsWith("-exec.jar"))
                        .max(Comparator.comparing(f -> f.toFile().lastModified()));
                if (any.isPresent()) {
                    return any.get();
                }
            } catch (IOException ignored) {
                // reported below
            }
        }
        throw new StackException("no runnable jar for " + name + ": expected " + expected
                + "; build it first with `./mvnw -DskipTests install` (./run does that)");
    }
}
