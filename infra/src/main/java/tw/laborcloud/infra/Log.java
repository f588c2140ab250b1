package tw.laborcloud.infra;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Progress lines of the launcher itself (the parts log to their own files). */
public final class Log {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Log() {
    }

    public static void info(String format, Object... args) {
        System.out.println(LocalTime.now().format(TIME) + " [stack] " + String.format(format, args));
        System.out.flush();
    }
}
