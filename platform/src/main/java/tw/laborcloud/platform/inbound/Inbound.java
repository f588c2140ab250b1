package tw.laborcloud.platform.inbound;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import tw.laborcloud.events.DomainEvent;
import tw.laborcloud.platform.web.CorrelationIds;

/**
 * Wraps an event handler so that its log lines carry the event's correlation id. An
 * exception propagates to the binder, which retries and then dead-letters the message.
 */
public final class Inbound {

    private static final Logger log = LoggerFactory.getLogger(Inbound.class);

    private Inbound() {
    }

    public static <T extends DomainEvent> Consumer<T> handler(Consumer<T> handler) {
        return event -> {
            if (event == null || event.eventId() == null || event.applicationId() == null) {
                throw new MalformedEventException("event without eventId or applicationId: " + event);
            }
            MDC.put(CorrelationIds.MDC_KEY, event.correlationId() == null ? "" : event.correlationId());
            MDC.put("eventId", event.eventId());
            try {
                log.info("handling {} {} for {}", event.getClass().getSimpleName(), event.eventId(),
                        event.applicationId());
                handler.accept(event);
            } finally {
                MDC.remove(CorrelationIds.MDC_KEY);
                MDC.remove("eventId");
            }
        };
    }

    /** An event that cannot be handled however often it is retried; it ends in the dead-letter topic. */
    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
