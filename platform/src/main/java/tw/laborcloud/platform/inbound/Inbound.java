package tw.laborcloud.platform.inbound;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.micrometer.core.instrument.MeterRegistry;
import tw.laborcloud.events.DomainEvent;
import tw.laborcloud.platform.web.CorrelationIds;

/**
 * Wraps an event handler so that its log lines carry the event's correlation id and every
 * handling is counted ({@code laborcloud.events.consumed} / {@code laborcloud.events.failed},
 * tagged with the event type and the consuming service). An exception propagates to the
 * binder, which retries and then dead-letters the message; each failed attempt counts.
 */
public final class Inbound {

    public static final String CONSUMED = "laborcloud.events.consumed";
    public static final String FAILED = "laborcloud.events.failed";

    private static final Logger log = LoggerFactory.getLogger(Inbound.class);

    /** Set by the platform's auto-configuration; handlers are built before it, so it is read per event. */
    private static volatile Counters current =
            new Counters(io.micrometer.core.instrument.Metrics.globalRegistry, "unknown");

    private Inbound() {
    }

    public static <T extends DomainEvent> Consumer<T> handler(Consumer<T> handler) {
        return event -> {
            String type = event == null ? "unknown" : event.getClass().getSimpleName();
            if (event == null || event.eventId() == null || event.applicationId() == null) {
                current.failed(type);
                throw new MalformedEventException("event without eventId or applicationId: " + event);
            }
            MDC.put(CorrelationIds.MDC_KEY, event.correlationId() == null ? "" : event.correlationId());
            MDC.put("eventId", event.eventId());
            try {
                log.info("handling {} {} for {}", type, event.eventId(), event.applicationId());
                handler.accept(event);
                current.consumed(type);
            } catch (RuntimeException | Error e) {
                current.failed(type);
                throw e;
            } finally {
                MDC.remove(CorrelationIds.MDC_KEY);
                MDC.remove("eventId");
            }
        };
    }

    /**
     * Where the handling counters go and which service they name (its consumer group).
     * Handler beans are plain lambdas without injection, hence this one static binding,
     * made once per application context by the auto-configuration.
     */
    public record Counters(MeterRegistry registry, String service) {

        public static Counters bind(MeterRegistry registry, String service) {
            Counters counters = new Counters(registry, service);
            current = counters;
            return counters;
        }

        void consumed(String type) {
            registry.counter(CONSUMED, "type", type, "service", service).increment();
        }

        void failed(String type) {
            registry.counter(FAILED, "type", type, "service", service).increment();
        }
    }

    /** An event that cannot be handled however often it is retried; it ends in the dead-letter topic. */
    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
