package tw.laborcloud.ops.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeadLetterTopicTests {

    @Test
    void theFailingGroupIsWhatFollowsTheOriginalTopic() {
        assertThat(DeadLetters.groupOf("error.union.registration.submitted.review-service", "union.registration.submitted"))
                .isEqualTo("review-service");
        // without the header: the longest business topic the name starts with
        assertThat(DeadLetters.groupOf("error.union.registration.submitted.notification-service", null))
                .isEqualTo("notification-service");
        assertThat(DeadLetters.groupOf("error.something.else", null)).isNull();
    }

    @Test
    void theErrorShownIsTheInnermostCauseNotTheBindersRetryWrapper() {
        String stacktrace = """
                org.springframework.messaging.MessagingException: Retry policy for operation exhausted; aborting execution
                \tat org.springframework.integration.core.ErrorMessagePublisher.determinePayload(ErrorMessagePublisher.java:1)
                Caused by: org.springframework.core.retry.RetryException: Retry policy exhausted
                \tat x.y(Z.java:1)
                \tCaused by: tw.laborcloud.platform.inbound.Inbound$MalformedEventException: event without eventId: E[1, null]
                \t\tat x.y(Z.java:2)
                """;
        assertThat(DeadLetters.rootCause(stacktrace, "org.springframework.messaging.MessagingException", "wrapper"))
                .isEqualTo(new DeadLetters.Cause("tw.laborcloud.platform.inbound.Inbound$MalformedEventException",
                        "event without eventId: E[1, null]"));
        assertThat(DeadLetters.rootCause(null, "java.lang.IllegalStateException", "boom"))
                .isEqualTo(new DeadLetters.Cause("java.lang.IllegalStateException", "boom"));
    }
}
