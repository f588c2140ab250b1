package tw.laborcloud.notification.delivery;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Exponential backoff between attempts, capped, and a bound on the number of attempts. */
@Component
public class RetryPolicy {

    private final Duration initial;
    private final Duration max;
    private final int maxAttempts;

    public RetryPolicy(@Value("${laborcloud.notification.retry.initial-backoff:PT5S}") Duration initial,
            @Value("${laborcloud.notification.retry.max-backoff:PT5M}") Duration max,
            @Value("${laborcloud.notification.retry.max-attempts:20}") int maxAttempts) {
        this.initial = initial;
        this.max = max;
        this.maxAttempts = maxAttempts;
    }

    /** The wait after the given number of failed attempts (1 = the first failure). */
    public Duration backoffAfter(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
        Duration wait = initial.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
    }

    public boolean exhausted(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }
}
