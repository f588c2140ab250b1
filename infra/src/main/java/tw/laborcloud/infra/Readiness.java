package tw.laborcloud.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * How the launcher knows a part is up: one wait routine for every part (a probe that turns true, or the process
 * that exits, or the deadline, each with the last lines of the part's log), the HTTP probe most parts answer, and
 * whether a port is free before anything starts.
 */
final class Readiness implements AutoCloseable {

    private static final int LOG_TAIL_LINES = 40;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    /** True once the stack is stopping: a wait then ends at once. */
    private final BooleanSupplier stopping;

    Readiness(BooleanSupplier stopping) {
        this.stopping = stopping;
    }

    /** Waits until {@code url} answers 200. */
    void awaitHttp(String what, ChildProcess process, Duration timeout, String url) {
        await(what, process, timeout, () -> httpOk(url), "GET " + url);
    }

    /**
     * Waits until {@code healthy} holds (polled every 500 ms); a {@link StackException} if the process exits first,
     * the deadline passes or the stack stops.
     */
    void await(String what, ChildProcess process, Duration timeout, BooleanSupplier healthy, String probe) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (stopping.getAsBoolean()) {
                throw new StackException("the stack is stopping; stopped waiting for " + what);
            }
            if (healthy.getAsBoolean()) {
                return;
            }
            if (!process.isAlive()) {
                throw new StackException(what + " exited (code " + process.exitCode() + ") before it was healthy; "
                        + "last " + LOG_TAIL_LINES + " lines of " + process.logFile() + ":\n"
                        + process.tail(LOG_TAIL_LINES));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StackException(what + " was not healthy within " + timeout.toSeconds() + " s (" + probe
                        + "); last " + LOG_TAIL_LINES + " lines of " + process.logFile() + ":\n"
                        + process.tail(LOG_TAIL_LINES));
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for " + what, e);
            }
        }
    }

    /** Whether {@code url} answers 200 within 5 s. */
    boolean httpOk(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Every port the configuration's parts will listen on is free (Kafka and its controller, the MongoDB-wire store,
     * SMTP, IMAP, the inbox page, Keycloak, each service instance).
     *
     * @throws StackException.PortInUse naming the first port taken and the part that needs it
     */
    static void checkPortsFree(StackConfig config) {
        Map<Integer, String> needed = new LinkedHashMap<>();
        needed.put(config.kafkaPort(), "Kafka");
        needed.put(config.kafkaControllerPort(), "Kafka (KRaft controller)");
        needed.put(config.mongoPort(), "the MongoDB-wire store");
        needed.put(config.smtpPort(), "GreenMail SMTP");
        needed.put(config.imapPort(), "GreenMail IMAP");
        needed.put(config.inboxPort(), "the mail inbox page");
        needed.put(config.keycloakPort(), "Keycloak");
        if (config.startServices()) {
            for (String name : config.allInstances()) {
                needed.put(config.instancePort(name), name);
            }
        }
        needed.forEach((port, part) -> {
            if (!Readiness.portFree(port)) {
                throw new StackException.PortInUse(port, part);
            }
        });
    }

    static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
