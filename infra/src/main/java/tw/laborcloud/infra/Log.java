package tw.laborcloud.infra;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** Progress lines of the launcher itself (the parts log to their own files). */
public final class Log {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Log() {
    }

    /** {@code 12.3 s} */
    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    public static void info(String format, Object... args) {
        System.out.println(LocalTime.now().format(TIME) + " [stack] " + String.format(format, args));
        System.out.flush();
    }

    /** The launcher's own console shows progress, not the Kafka client's and GreenMail's INFO chatter. */
    static void setDefaultLevels() {
        Map<String, String> defaults = Map.of(
                "org.slf4j.simpleLogger.log.org.apache.kafka", "error",
                "org.slf4j.simpleLogger.log.com.icegreen", "warn",
                // mongo-java-server warns for every non-unique index it does not build: known, not actionable
                "org.slf4j.simpleLogger.log.de.bwaldvogel", "error",
                // ...and logs every refused write with its stack trace, e.g. each time an instance finds a
                // scheduled job's lock (ShedLock) held by the other: the client gets the error and decides
                "org.slf4j.simpleLogger.log.de.bwaldvogel.mongo.wire.MongoWireProtocolHandler", "off",
                "org.slf4j.simpleLogger.log.io.netty", "warn");
        defaults.forEach((k, v) -> {
            if (System.getProperty(k) == null) {
                System.setProperty(k, v);
            }
        });
    }
}
