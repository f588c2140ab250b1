package tw.laborcloud.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;

/** The correlation id of the work at hand: from the HTTP request or the event being handled. */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private CorrelationIds() {
    }

    /** The current id, or a new one when none is set (e.g. scheduled work). */
    public static String current() {
        String id = MDC.get(MDC_KEY);
        return id == null || id.isBlank() ? newId() : id;
    }

    /** Accepts an incoming id only when it is plausibly an id, never arbitrary text for logs. */
    public static String acceptOrCreate(String incoming) {
        return incoming != null && ACCEPTABLE.matcher(incoming).matches() ? incoming : newId();
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }
}
