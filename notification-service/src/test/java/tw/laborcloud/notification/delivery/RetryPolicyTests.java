package tw.laborcloud.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryPolicyTests {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(5), 20);

    @Test
    void backoffStartsAtFiveSecondsDoublesAndStopsAtFiveMinutes() {
        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.backoffAfter(6)).isEqualTo(Duration.ofSeconds(160));
        assertThat(policy.backoffAfter(7)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.backoffAfter(19)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.backoffAfter(1000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void givesUpAfterTheTwentiethAttempt() {
        assertThat(policy.exhausted(19)).isFalse();
        assertThat(policy.exhausted(20)).isTrue();
    }
}
