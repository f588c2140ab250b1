package tw.laborcloud.registration.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The limit on wrong passwords where the applicant proves who they are before the account
 * exists (sending supplements): {@value #LIMIT} wrong passwords within {@link #WINDOW}
 * refuse every further attempt for {@link #LOCK} from the last of them. The registration
 * keeps only the latest {@value #LIMIT} failure times, which is all the rule needs.
 */
public final class PasswordAttempts {

    public static final int LIMIT = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(15);
    /**
     * Attempts kept on the registration: far more than the limit, so that a burst of parallel
     * requests cannot push the failures that count out of the list before they are refused.
     */
    public static final int KEPT = 100;

    private PasswordAttempts() {
    }

    /**
     * One attempt on record: when, and an id of its own, so that taking back one attempt (a right
     * password, a refused burst) never takes another made in the same millisecond with it.
     */
    public record Attempt(Instant at, String id) {
    }

    public static List<Instant> times(List<Attempt> attempts) {
        return attempts == null ? List.of() : attempts.stream().map(Attempt::at).toList();
    }

    /** Until when attempts are refused, if they are now. */
    public static Optional<Instant> lockedUntil(List<Instant> latestFailures, Instant now) {
        if (latestFailures == null || latestFailures.size() < LIMIT) {
            return Optional.empty();
        }
        List<Instant> last = latestFailures.subList(latestFailures.size() - LIMIT, latestFailures.size());
        Instant first = last.getFirst();
        Instant latest = last.getLast();
        Instant until = latest.plus(LOCK);
        boolean withinWindow = !latest.isAfter(first.plus(WINDOW));
        return withinWindow && now.isBefore(until) ? Optional.of(until) : Optional.empty();
    }

    /** Attempts on record within the window before {@code now} (failures, and checks under way). */
    public static int inWindow(List<Instant> attempts, Instant now) {
        Instant windowStart = now.minus(WINDOW);
        return (int) (attempts == null ? 0 : attempts.stream().filter(t -> t.isAfter(windowStart)).count());
    }

    /** How many more wrong passwords are allowed after the failures given (the newest one included). */
    public static int remaining(List<Instant> latestFailures, Instant now) {
        return Math.max(0, LIMIT - inWindow(latestFailures, now));
    }
}
