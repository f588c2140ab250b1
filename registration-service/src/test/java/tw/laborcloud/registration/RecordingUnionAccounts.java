package tw.laborcloud.registration;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import tw.laborcloud.registration.account.UnionAccounts;

/**
 * Stands in for Keycloak in this service's own tests only (the system tests provision
 * real Keycloak users); records each call and can be made to fail like an outage.
 */
public class RecordingUnionAccounts implements UnionAccounts {

    public final List<NewUnionAccount> calls = new CopyOnWriteArrayList<>();
    public final List<String> closed = new CopyOnWriteArrayList<>();
    public volatile boolean unavailable;

    @Override
    public String provision(NewUnionAccount account) {
        calls.add(account);
        if (unavailable) {
            throw new IllegalStateException("Keycloak unavailable (test)");
        }
        return "kc-" + account.username();
    }

    @Override
    public boolean close(String username) {
        if (unavailable) {
            throw new IllegalStateException("Keycloak unavailable (test)");
        }
        if (closed.contains(username)) {
            return false;
        }
        return closed.add(username);
    }
}
