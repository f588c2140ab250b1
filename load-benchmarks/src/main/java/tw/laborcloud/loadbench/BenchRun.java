package tw.laborcloud.loadbench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tw.laborcloud.infra.LocalStack;

/**
 * One run of ./bench on a started stack: its options, where Gatling writes, and the figures and
 * notes gathered so far (printed as they come).
 */
final class BenchRun {

    /** ./bench's options: P1's length and clerks, a quick run of everything (for trying ./bench), the repo. */
    record Options(int seconds, int clerks, boolean quick, Path repo) {

        static Options parse(String[] args) {
            int seconds = 60;
            int clerks = 16;
            boolean quick = false;
            Path repo = Path.of(".");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--clerks" -> clerks = Integer.parseInt(args[++i]);
                    case "--quick" -> quick = true;
                    case "--repo" -> repo = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (./bench [--quick] [--seconds N] [--clerks N])");
                }
            }
            if (quick) {
                seconds = Math.min(seconds, 10);
            }
            return new Options(seconds, clerks, quick, repo.toAbsolutePath().normalize());
        }

        /** A phase's length: as given, or a few seconds in a quick run. */
        int phaseSeconds(int normal) {
            return quick ? Math.max(2, normal / 5) : normal;
        }
    }

    final LocalStack stack;
    final BenchClient client;
    final Options options;
    final Path results;
    final List<Figure> figures = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    BenchRun(LocalStack stack, Options options) {
        this.stack = stack;
        this.client = new BenchClient(stack);
        this.options = options;
        this.results = options.repo().resolve("load-benchmarks/target/gatling");
    }

    void add(Figure figure) {
        figures.add(figure);
        System.out.println(figure.line());
    }

    void note(String note) {
        notes.add(note);
        System.out.println("   " + note);
    }

    GatlingRun.Result gatling(Class<? extends io.gatling.javaapi.core.Simulation> simulation,
            Map<String, String> settings, String description) {
        GatlingRun.Result result = GatlingRun.run(simulation, settings, results, description);
        if (result.failures() > 0) {
            note(description + ": " + result.failures() + " requests failed (report: " + result.report() + ")");
        }
        return result;
    }

    /** CPU time of each part of the stack since {@code before}, in seconds, largest first. */
    Map<String, Double> cpuSecondsSince(Map<String, Duration> before) {
        Map<String, Double> used = new TreeMap<>();
        stack.cpuTimeByPart().forEach((part, now) -> used.put(part,
                (now.toMillis() - before.getOrDefault(part, Duration.ZERO).toMillis()) / 1000.0));
        return used;
    }

    /** CPU time this machine's cores have been busy since boot, in seconds (/proc/stat; -1 elsewhere). */
    static double machineBusySeconds() {
        try {
            String[] fields = java.nio.file.Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            // user nice system idle iowait irq softirq steal: all but idle and iowait
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(fields[i]);
            }
            return busy / 100.0;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    static double percentile(List<Long> values, double percent) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
