package tw.laborcloud.ops.trace;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import tw.laborcloud.events.Topics;
import tw.laborcloud.ops.trace.TimelineEntry.Delivery;

/**
 * The answer to "what happened to this application": its events in the order they occurred,
 * each with what every consuming service made of it.
 *
 * @param applicationIds the applications found (a certificate number may name more than one)
 */
public record Trace(String query, List<String> applicationIds, List<Step> steps) {

    public record Step(String eventId, String eventType, String topic, Instant occurredAt, String applicationId,
            String certificateNo, String correlationId, String traceId, List<Delivery> deliveries, String payload,
            List<ConsumerOutcome> outcomes) {

        /** What the console calls the event (zh-TW), from the topic table. */
        @JsonProperty
        public String eventLabel() {
            return Topics.labelOf(eventType);
        }
    }

    /**
     * @param detail      for a dead letter: its error; for a processed replay: who replayed it
     * @param deadLetterId the dead letter to look at or replay, when there is one
     */
    public record ConsumerOutcome(String group, Outcome outcome, String detail, String deadLetterId) {
    }

    public enum Outcome {
        /** The group's committed offset is past the event's latest delivery. */
        PROCESSED,
        /** The group parked the event in its dead-letter topic and it was not replayed yet. */
        DEAD_LETTERED,
        /** Neither yet: the group has not reached it (lag) or is handling it. */
        PENDING
    }
}
