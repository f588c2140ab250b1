package tw.laborcloud.systemtests;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;


/**
 * The public entry of a stack with several gateway instances, as a load balancer in front
 * of them would be: each call goes to the next gateway; when a gateway does not answer at
 * all (killed, restarting), the call is sent to another one. Only a connection that could
 * not be made, or broke, moves on; an answer, whatever its status, is the answer.
 */
final class ChaosGateways {

    private final List<StackClient> clients;
    private final AtomicInteger next = new AtomicInteger();

    ChaosGateways(List<StackClient> clients) {
        this.clients = List.copyOf(clients);
    }

    /** Any client, for calls that do not go through a gateway (Keycloak tokens). */
    StackClient any() {
        return clients.get(0);
    }

    HttpResponse<String> call(Function<StackClient, HttpResponse<String>> request) {
        int start = Math.floorMod(next.getAndIncrement(), clients.size());
        IllegalStateException last = null;
        for (int i = 0; i < clients.size(); i++) {
            try {
                return request.apply(clients.get((start + i) % clients.size()));
            } catch (IllegalStateException noAnswer) {
                last = noAnswer;
            }
        }
        throw last;
    }
}
