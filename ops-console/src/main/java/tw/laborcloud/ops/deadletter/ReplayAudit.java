package tw.laborcloud.ops.deadletter;

import java.time.Instant;

import org.springframework.data.annotation.Id;

/**
 * One replay of one dead letter: who asked, from where, when, which record went where. Written
 * before the record is sent (STARTED) and completed afterwards, so an attempt that failed or
 * was cut off is on record too.
 *
 * @param batchId       shared by the replays of one "replay all"; null for a single replay
 * @param requestedFrom the client address (and the proxy chain, via X-Forwarded-For)
 * @param replayedTo    {@code <topic>-<partition>@<offset>} of the new record
 */
public record ReplayAudit(
        @Id String id,
        String batchId,
        String deadLetterId,
        String dlqTopic,
        int dlqPartition,
        long dlqOffset,
        String originalTopic,
        String key,
        String eventId,
        String group,
        String replayedBy,
        String requestedFrom,
        Instant startedAt,
        Instant finishedAt,
        Outcome outcome,
        String replayedTo,
        String failure) {

    public enum Outcome { STARTED, REPLAYED, FAILED }
}
