package tw.laborcloud.loadbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes ./bench's figures into docs/benchmarks.md between its two markers, leaving the
 * written analysis around them as it is.
 */
final class BenchReport {

    static final String BEGIN = "<!-- bench:begin (written by ./bench) -->";
    static final String END = "<!-- bench:end -->";

    private BenchReport() {
    }

    static void write(Path file, String[] args, BenchRun run) {
        String options = commandOptions(args);
        StringBuilder table = new StringBuilder(BEGIN).append("\n");
        table.append("Measured ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern(
                "yyyy-MM-dd HH:mm 'UTC'"))).append(" on ").append(machine()).append(", with `./bench")
                .append(options).append("`.\n\n");
        table.append("| id | figure | measured | target | verdict |\n|---|---|---|---|---|\n");
        for (Figure f : run.figures) {
            table.append("| ").append(f.id()).append(" | ").append(f.what()).append(" | ").append(f.valueText())
                    .append(" | ").append(f.targetText()).append(" | ").append(f.verdict()).append(" |\n");
        }
        table.append("\nWhat the run saw besides:\n\n");
        run.notes.forEach(n -> table.append("- ").append(n).append("\n"));
        table.append(END);
        try {
            String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\n" + BEGIN + "\n" + END + "\n";
            int begin = text.indexOf(BEGIN);
            int end = text.indexOf(END);
            if (begin < 0 || end < begin) {
                text = text + "\n" + table + "\n";
            } else {
                text = text.substring(0, begin) + table + text.substring(end + END.length());
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The options as a person typed them: ./bench itself adds {@code --repo .}. */
    static String commandOptions(String[] args) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--repo")) {
                i++;
            } else {
                out.append(' ').append(args[i]);
            }
        }
        return out.toString();
    }

    /** Cores, memory and CPU model of this machine, from /proc. */
    static String machine() {
        String model = "unknown CPU";
        long memoryKb = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memoryKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux: the model stays unknown
        }
        return "%d cores (%s), %d GiB, Java %s".formatted(Runtime.getRuntime().availableProcessors(), model,
                Math.round(memoryKb / 1024.0 / 1024.0), System.getProperty("java.version"));
    }
}
