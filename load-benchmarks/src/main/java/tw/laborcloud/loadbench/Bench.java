package tw.laborcloud.loadbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import tw.laborcloud.infra.LocalStack;
import tw.laborcloud.infra.StackConfig;

/**
 * ./bench: starts the local stack on embedded defaults from an empty data folder (cold), stops
 * it and starts it again on the same data (warm), warms it up, runs the Gatling simulations of
 * P1–P4 against it, reads the stack's own figures (CPU, memory, heap), stops it, prints one line
 * per figure and writes them into docs/benchmarks.md (docs/benchmarks.md says what each means).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) {
        BenchRun.Options options = BenchRun.Options.parse(args);
        Path data = options.repo().resolve("load-benchmarks/target/bench-data");
        deleteRecursively(data);
        StackConfig config = StackConfig.builder().repoRoot(options.repo()).dataDir(data)
                // a fixed captcha answer (TEST) in benchmark runs only, as in the system tests
                .extraServiceArgs("registration-service", List.of("--spring.profiles.active=captcha-fixed"))
                // the load comes from this machine's loopback: the gateway's per-address limits would refuse it
                .extraServiceArgs("gateway", List.of("--laborcloud.rate-limits.exempt-addresses[0]=127.0.0.1",
                        "--laborcloud.rate-limits.exempt-addresses[1]=::1"))
                .build();

        long coldStarted = System.nanoTime();
        LocalStack first = LocalStack.start(config);
        Duration cold = Duration.ofNanos(System.nanoTime() - coldStarted);
        first.stop();
        long warmStarted = System.nanoTime();
        LocalStack stack = LocalStack.start(config);
        Duration warm = Duration.ofNanos(System.nanoTime() - warmStarted);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "stop-stack"));
        long restingMegabytes = stack.memoryMegabytes();
        java.util.Map<String, Long> restingByPart = stack.memoryByPartMegabytes();
        java.util.Map<String, Duration> warmStartTimes = stack.startTimes();

        BenchRun run = new BenchRun(stack, options);
        try (Samples memory = Samples.every("rss", Duration.ofSeconds(1), stack::memoryMegabytes)) {
            RegistrationLoad registrations = new RegistrationLoad(run);
            registrations.warmUp();
            double ceiling = registrations.burst();
            registrations.activation(ceiling);
            GatewayLoad edge = new GatewayLoad(run);
            edge.cost();
            edge.uploads();
            run.add(Figure.atMost("P5", "whole stack RSS at rest", restingMegabytes, "MB", 2560));
            run.add(Figure.info("P5", "whole stack RSS, peak under load (with Gatling in the launcher JVM)",
                    memory.max(), "MB"));
            run.note("P5 RSS by part at rest (MB): " + restingByPart);
            run.note("P5 RSS by part at the end (MB): " + stack.memoryByPartMegabytes());
            run.note("P5 warm start, each part's own start (s): " + warmStartTimes.entrySet().stream()
                    .map(e -> e.getKey() + " " + Figure.number(e.getValue().toMillis() / 1000.0))
                    .collect(java.util.stream.Collectors.joining(", ")));
        } finally {
            stack.stop();
        }
        run.add(Figure.atMost("P5", "cold start", cold.toMillis() / 1000.0, "s", 90));
        run.add(Figure.atMost("P5", "warm start", warm.toMillis() / 1000.0, "s", 40));

        System.out.println();
        System.out.println("./bench" + BenchReport.commandOptions(args) + ": the figures");
        run.figures.forEach(f -> System.out.println(f.line()));
        if (options.quick()) {
            System.out.println("(a quick run: docs/benchmarks.md is left as it is)");
        } else {
            BenchReport.write(options.repo().resolve("docs/benchmarks.md"), args, run);
            System.out.println("written into docs/benchmarks.md; Gatling's reports are under " + run.results);
        }
    }

    /** Deletes a data folder and all in it (./bench's, and the system tests' own). */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
