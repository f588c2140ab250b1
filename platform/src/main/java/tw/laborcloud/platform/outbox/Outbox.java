package tw.laborcloud.platform.outbox;

import java.time.Instant;

import tools.jackson.databind.json.JsonMapper;
import tw.laborcloud.events.DomainEvent;
import tw.laborcloud.events.Topics;

/** Turns a domain event into the {@link PendingEvent} an aggregate stores with its change. */
public class Outbox {

    private final JsonMapper json;

    public Outbox(JsonMapper json) {
        this.json = json;
    }

    public PendingEvent pending(DomainEvent event) {
        return new PendingEvent(event.eventId(), Topics.topicOf(event.getClass()), event.applicationId(),
                event.getClass().getSimpleName(), json.writeValueAsString(event), event.correlationId(),
                Instant.now());
    }
}
