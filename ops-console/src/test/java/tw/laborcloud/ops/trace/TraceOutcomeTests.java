package tw.laborcloud.ops.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import tw.laborcloud.ops.deadletter.DeadLetter;
import tw.laborcloud.ops.trace.Trace.ConsumerOutcome;
import tw.laborcloud.ops.trace.Trace.Outcome;
import tw.laborcloud.ops.trace.TimelineEntry.Delivery;

/** What a consuming group made of an event, from its committed offset and its dead letters. */
class TraceOutcomeTests {

    static final String TOPIC = "union.registration.submitted";
    static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");

    final TimelineEntry original = entry(new Delivery(1, 10, T0, null));

    @Test
    void processedOncePastTheEventPendingBeforeAndGroupsOfOtherTopicsAreNotListed() {
        Map<String, Map<TopicPartition, Long>> committed = Map.of(
                "review-service", Map.of(P1, 11L),
                "document-service", Map.of(P1, 10L),
                "registration-service", Map.of(new TopicPartition("union.documents.verified", 1), 99L));
        assertThat(TraceService.outcomes(original, committed, List.of())).containsExactly(
                new ConsumerOutcome("document-service", Outcome.PENDING, null, null),
                new ConsumerOutcome("review-service", Outcome.PROCESSED, null, null));
    }

    @Test
    void deadLetteredWhileItsDeadLetterWaitsEvenThoughTheGroupMovedOn() {
        DeadLetter waiting = letter(DeadLetter.Status.WAITING, null);
        assertThat(TraceService.outcomes(original, Map.of("notification-service", Map.of(P1, 11L)), List.of(waiting)))
                .containsExactly(new ConsumerOutcome("notification-service", Outcome.DEAD_LETTERED, "cannot handle",
                        waiting.id()));
    }

    @Test
    void afterAReplayTheReplayedDeliveryDecides() {
        DeadLetter replayed = letter(DeadLetter.Status.REPLAYED, "ops1");
        TimelineEntry twice = entry(new Delivery(1, 10, T0, null), new Delivery(1, 15, T0.plusSeconds(60), "ops1"));
        assertThat(TraceService.outcomes(twice, Map.of("notification-service", Map.of(P1, 12L)), List.of(replayed)))
                .extracting(ConsumerOutcome::outcome).containsExactly(Outcome.PENDING);
        assertThat(TraceService.outcomes(twice, Map.of("notification-service", Map.of(P1, 16L)), List.of(replayed)))
                .containsExactly(new ConsumerOutcome("notification-service", Outcome.PROCESSED, "重送後已處理（ops1）", null));
    }

    static TimelineEntry entry(Delivery... deliveries) {
        return new TimelineEntry("e-1", "RegistrationSubmitted", TOPIC, "A-1", "12345678", T0, "c", null, "{}",
                List.of(deliveries));
    }

    static DeadLetter letter(DeadLetter.Status status, String replayedBy) {
        return new DeadLetter(DeadLetter.id("error." + TOPIC + ".notification-service", 0, 0),
                "error." + TOPIC + ".notification-service", 0, 0, T0, "notification-service", TOPIC, 1, 10L, "A-1",
                "e-1", "RegistrationSubmitted", "A-1", "cannot handle", "java.lang.IllegalStateException", null,
                Map.of(), "{}", status, null, replayedBy == null ? null : T0.plusSeconds(50), replayedBy, null);
    }
}
