package tw.laborcloud.loadbench;

import java.time.Duration;

/**
 * What a simulation is pointed at and how hard it pushes, read from system properties
 * ({@code bench.*}) that {@link GatlingRun} sets before Gatling instantiates the simulation.
 */
final class BenchSettings {

    static final String PREFIX = "bench.";

    private BenchSettings() {
    }

    static String text(String name) {
        String value = System.getProperty(PREFIX + name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the simulation needs -D" + PREFIX + name);
        }
        return value;
    }

    static String text(String name, String fallback) {
        String value = System.getProperty(PREFIX + name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static int number(String name, int fallback) {
        return Integer.parseInt(text(name, String.valueOf(fallback)));
    }

    static double decimal(String name, double fallback) {
        return Double.parseDouble(text(name, String.valueOf(fallback)));
    }

    static Duration seconds(String name, int fallback) {
        return Duration.ofSeconds(number(name, fallback));
    }
}
