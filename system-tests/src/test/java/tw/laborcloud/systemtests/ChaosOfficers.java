package tw.laborcloud.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The officers' tokens, fetched from Keycloak as their browsers would and renewed well before
 * they expire (five minutes in the realm). While Keycloak is down a token still valid is used;
 * when none is, the caller gets the stale one and its request is refused (401), so the step
 * looks again later.
 */
final class ChaosOfficers {

    private static final Duration RENEW_AFTER = Duration.ofMinutes(2);

    private record Token(String value, Instant fetchedAt) {
    }

    private final StackClient client;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    ChaosOfficers(StackClient client) {
        this.client = client;
    }

    String reviewer() {
        return token("reviewer1", "Reviewer1-pass!");
    }

    String approver() {
        return token("approver1", "Approver1-pass!");
    }

    /** The operations officer (ops console API). */
    String ops() {
        return token("ops1", "Ops1-pass!");
    }

    private String token(String user, String password) {
        Token current = tokens.get(user);
        if (current != null && current.fetchedAt().plus(RENEW_AFTER).isAfter(Instant.now())) {
            return current.value();
        }
        synchronized (this) {
            current = tokens.get(user);
            if (current != null && current.fetchedAt().plus(RENEW_AFTER).isAfter(Instant.now())) {
                return current.value();
            }
            try {
                Token fresh = new Token(client.token(user, password), Instant.now());
                tokens.put(user, fresh);
                return fresh.value();
            } catch (RuntimeException | AssertionError keycloakAway) {
                return current == null ? "no-token" : current.value();
            }
        }
    }
}
