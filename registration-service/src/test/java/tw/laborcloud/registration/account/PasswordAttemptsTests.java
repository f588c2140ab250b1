package tw.laborcloud.registration.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PasswordAttemptsTests {

    static final Instant T = Instant.parse("2026-11-27T08:00:00Z");

    static List<Instant> failuresAt(int... minutes) {
        return IntStream.of(minutes).mapToObj(m -> T.plus(Duration.ofMinutes(m))).toList();
    }

    @Test
    void fourWrongPasswordsDoNotLock() {
        assertThat(PasswordAttempts.lockedUntil(failuresAt(0, 1, 2, 3), T.plusSeconds(240))).isEmpty();
        assertThat(PasswordAttempts.lockedUntil(null, T)).isEmpty();
    }

    @Test
    void fiveWithinFifteenMinutesLockForFifteenMinutesFromTheLast() {
        List<Instant> failures = failuresAt(0, 3, 6, 9, 15);
        Instant last = T.plus(Duration.ofMinutes(15));
        assertThat(PasswordAttempts.lockedUntil(failures, last)).contains(last.plus(Duration.ofMinutes(15)));
        assertThat(PasswordAttempts.lockedUntil(failures, last.plus(Duration.ofMinutes(14)))).isPresent();
        assertThat(PasswordAttempts.lockedUntil(failures, last.plus(Duration.ofMinutes(15)))).isEmpty();
    }

    @Test
    void fiveSpreadOverMoreThanFifteenMinutesDoNotLock() {
        assertThat(PasswordAttempts.lockedUntil(failuresAt(0, 4, 8, 12, 16), T.plus(Duration.ofMinutes(16)))).isEmpty();
    }

    @Test
    void remainingCountsTheWrongPasswordsOfTheLastFifteenMinutes() {
        Instant now = T.plus(Duration.ofMinutes(20));
        assertThat(PasswordAttempts.remaining(failuresAt(0, 1, 19, 20), now)).isEqualTo(3);
        assertThat(PasswordAttempts.remaining(failuresAt(16, 17, 18, 19, 20), now)).isZero();
        assertThat(PasswordAttempts.lockedUntil(failuresAt(16, 17, 18, 19, 20), now)).isPresent();
    }
}
