package tw.laborcloud.loadbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.gatling.app.Gatling$;
import io.gatling.javaapi.core.Simulation;

/**
 * Runs one Gatling simulation in this JVM with its {@code bench.*} settings and reads back the
 * figures of each request from its HTML report, which stays under the results folder. Gatling
 * needs {@code --add-opens java.base/java.lang=ALL-UNNAMED} (./bench and the smoke tests pass it).
 */
public final class GatlingRun {

    /** One row of the report's statistics table (OK and KO together), times in milliseconds. */
    public record RequestStats(String name, long count, long ok, long ko, double perSecond, long min, long p50,
            long p75, long p95, long p99, long max, long mean) {
    }

    /** A finished run: its report folder and its requests by name ("All Requests" for the total). */
    public record Result(Path report, Map<String, RequestStats> requests) {

        public static final String ALL = "All Requests";

        public RequestStats request(String name) {
            RequestStats stats = requests.get(name);
            if (stats == null) {
                throw new IllegalStateException("no request named '" + name + "' in " + report + ": " + requests.keySet());
            }
            return stats;
        }

        public long failures() {
            return requests.containsKey(ALL) ? requests.get(ALL).ko() : 0;
        }
    }

    private static final Pattern ROW = Pattern.compile(
            "class=\"ellipsed-name\">([^<]+)</span>.*?((?:<td class=\"value [a-z]+ col-\\d+\">[^<]*</td>\\s*)+)",
            Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");

    private GatlingRun() {
    }

    /** Runs the simulation to its end; fails when Gatling itself fails (not when requests fail: see the result). */
    public static synchronized Result run(Class<? extends Simulation> simulation, Map<String, String> settings,
            Path resultsFolder, String description) {
        settings.forEach((name, value) -> System.setProperty(BenchSettings.PREFIX + name, value));
        try {
            Files.createDirectories(resultsFolder);
            int status = Gatling$.MODULE$.fromArgs(new String[] {"--simulation", simulation.getName(),
                    "--results-folder", resultsFolder.toString(), "--run-description", description});
            Path report = newestReport(resultsFolder, simulation);
            if (status != 0 && status != 2) {
                throw new IllegalStateException("Gatling ended with status " + status + " for " + simulation.getName());
            }
            return new Result(report, read(report.resolve("index.html")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            settings.keySet().forEach(name -> System.clearProperty(BenchSettings.PREFIX + name));
        }
    }

    private static Path newestReport(Path resultsFolder, Class<?> simulation) throws IOException {
        String prefix = simulation.getSimpleName().toLowerCase() + "-";
        try (Stream<Path> runs = Files.list(resultsFolder)) {
            return runs.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> Files.exists(p.resolve("index.html")))
                    .max(Comparator.comparing(p -> p.getFileName().toString()))
                    .orElseThrow(() -> new IllegalStateException("Gatling wrote no report for " + prefix + " in "
                            + resultsFolder));
        }
    }

    /** The statistics table of a report's index.html. */
    static Map<String, RequestStats> read(Path index) throws IOException {
        Map<String, RequestStats> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(Files.readString(index));
        while (row.find()) {
            Map<Integer, String> cells = new LinkedHashMap<>();
            Matcher cell = CELL.matcher(row.group(2));
            while (cell.find()) {
                cells.put(Integer.parseInt(cell.group(1)), cell.group(2).trim());
            }
            if (cells.size() < 13) {
                continue;
            }
            String name = row.group(1).trim();
            rows.put(name, new RequestStats(name, whole(cells, 2), whole(cells, 3), whole(cells, 4),
                    Double.parseDouble(cells.get(6)), whole(cells, 7), whole(cells, 8), whole(cells, 9),
                    whole(cells, 10), whole(cells, 11), whole(cells, 12), whole(cells, 13)));
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("no statistics table in " + index);
        }
        return rows;
    }

    private static long whole(Map<Integer, String> cells, int column) {
        String value = cells.get(column);
        return value == null || value.equals("-") ? 0 : Math.round(Double.parseDouble(value));
    }
}
