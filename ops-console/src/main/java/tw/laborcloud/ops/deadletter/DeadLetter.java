package tw.laborcloud.ops.deadletter;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;

import com.fasterxml.jackson.annotation.JsonProperty;

import tw.laborcloud.events.Topics;

/**
 * A record a consumer group gave up on, as the console shows it: where it came from, why it
 * failed, its headers and payload with personal data masked. The raw record stays in Kafka
 * only (the replay reads it from there), so the console's database holds no personal data.
 *
 * @param id         {@code <dead-letter topic>:<partition>:<offset>}
 * @param group      the consumer group (service) that failed, from the topic name {@code error.<topic>.<group>}
 * @param replayedTo {@code <topic>-<partition>@<offset>} of the replayed record
 */
public record DeadLetter(
        @Id String id,
        String dlqTopic,
        int partition,
        long offset,
        Instant deadAt,
        String group,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        String key,
        String eventId,
        String eventType,
        String applicationId,
        String error,
        String errorType,
        String stacktrace,
        Map<String, String> headers,
        String payload,
        Status status,
        Instant claimedAt,
        Instant replayedAt,
        String replayedBy,
        String replayedTo) {

    public enum Status {
        /** Waiting for a fix and a replay. */
        WAITING,
        /** Being replayed right now (or a replay was cut off; claimable again after a while). */
        REPLAYING,
        REPLAYED
    }

    /** What the console calls the event (zh-TW), from the topic table; computed, never stored. */
    @JsonProperty
    public String eventLabel() {
        return Topics.labelOf(eventType);
    }

    public static String id(String topic, int partition, long offset) {
        return topic + ":" + partition + ":" + offset;
    }
}
