package tw.laborcloud.ops.health;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tw.laborcloud.ops.config.OpsProperties;

/**
 * Probes everything the system depends on, all at once with a timeout each: every service's
 * {@code /actuator/health}, Kafka (describeCluster), the MongoDB store (ping), Keycloak (the
 * realm's OpenID configuration) and SMTP (the 220 greeting). Reading health endpoints is
 * monitoring, not a business call between services: nothing the console learns here changes
 * any data.
 */
@Component
public class HealthProbes {

    public enum Kind { SERVICE, KAFKA, MONGODB, KEYCLOAK, SMTP }

    public enum State { UP, DOWN }

    public record Probe(String name, Kind kind, String target, State state, String detail, long millis) {
    }

    private final OpsProperties properties;
    private final Admin admin;
    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final String keycloakUrl;
    private final String realm;
    private final String smtpHost;
    private final int smtpPort;
    private final String brokers;
    private final HttpClient http;

    HealthProbes(OpsProperties properties, Admin admin, MongoTemplate mongo, JsonMapper json,
            @Value("${laborcloud.keycloak.url}") String keycloakUrl,
            @Value("${laborcloud.keycloak.realm}") String realm,
            @Value("${laborcloud.mail.host:127.0.0.1}") String smtpHost,
            @Value("${laborcloud.mail.port:3025}") int smtpPort,
            @Value("${laborcloud.kafka.brokers}") String brokers) {
        this.properties = properties;
        this.admin = admin;
        this.mongo = mongo;
        this.json = json;
        this.keycloakUrl = keycloakUrl;
        this.realm = realm;
        this.smtpHost = smtpHost;
        this.smtpPort = smtpPort;
        this.brokers = brokers;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.healthTimeout()).build();
    }

    public List<Probe> probeAll() {
        List<Probe> targets = new ArrayList<>();
        List<Callable<Probe>> checks = new ArrayList<>();
        properties.services().forEach((name, url) -> {
            targets.add(new Probe(name, Kind.SERVICE, url.toString(), State.DOWN, null, 0));
            checks.add(() -> service(name, url));
        });
        targets.add(new Probe("Kafka", Kind.KAFKA, brokers, State.DOWN, null, 0));
        checks.add(this::kafka);
        targets.add(new Probe("MongoDB", Kind.MONGODB, "", State.DOWN, null, 0));
        checks.add(this::mongo);
        targets.add(new Probe("Keycloak", Kind.KEYCLOAK, keycloakUrl, State.DOWN, null, 0));
        checks.add(this::keycloak);
        targets.add(new Probe("SMTP", Kind.SMTP, smtpHost + ":" + smtpPort, State.DOWN, null, 0));
        checks.add(this::smtp);
        // each check has its own timeouts; this one only guards against a check that ignores them
        long limit = properties.healthTimeout().plusSeconds(2).toMillis();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Probe>> futures = checks.stream().map(pool::submit).toList();
            List<Probe> results = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limit);
            for (int i = 0; i < futures.size(); i++) {
                try {
                    long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                    results.add(futures.get(i).get(left, TimeUnit.MILLISECONDS));
                } catch (Exception e) {
                    futures.get(i).cancel(true);
                    Probe t = targets.get(i);
                    results.add(new Probe(t.name(), t.kind(), t.target(), State.DOWN, "逾時（" + limit + " ms）", limit));
                }
            }
            return results;
        }
    }

    Probe service(String name, URI base) {
        URI url = base.resolve("/actuator/health");
        return timed(name, Kind.SERVICE, url.toString(), () -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(properties.healthTimeout())
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            String status = statusOf(response.body());
            boolean up = response.statusCode() == 200 && "UP".equals(status);
            return outcome(up, "HTTP " + response.statusCode() + (status == null ? "" : "，狀態 " + status));
        });
    }

    Probe kafka() {
        return timed("Kafka", Kind.KAFKA, brokers, () -> {
            var cluster = admin.describeCluster(new DescribeClusterOptions()
                    .timeoutMs((int) properties.healthTimeout().toMillis()));
            int nodes = cluster.nodes().get(properties.healthTimeout().toMillis(), TimeUnit.MILLISECONDS).size();
            return outcome(nodes > 0, nodes + " 個 broker，叢集 " + cluster.clusterId().get(
                    properties.healthTimeout().toMillis(), TimeUnit.MILLISECONDS));
        });
    }

    Probe mongo() {
        return timed("MongoDB", Kind.MONGODB, mongo.getDb().getName(), () -> {
            Document answer = mongo.executeCommand(new Document("ping", 1));
            Object ok = answer.get("ok");
            return outcome(ok instanceof Number n && n.doubleValue() == 1.0, "ping " + answer.toJson());
        });
    }

    Probe keycloak() {
        URI url = URI.create(keycloakUrl + "/realms/" + realm + "/.well-known/openid-configuration");
        return timed("Keycloak", Kind.KEYCLOAK, url.toString(), () -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(properties.healthTimeout())
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            boolean up = response.statusCode() == 200 && response.body().contains("\"issuer\"");
            return outcome(up, "HTTP " + response.statusCode() + "，realm " + realm);
        });
    }

    Probe smtp() {
        return timed("SMTP", Kind.SMTP, smtpHost + ":" + smtpPort, () -> {
            try (Socket socket = new Socket()) {
                int timeout = (int) properties.healthTimeout().toMillis();
                socket.connect(new InetSocketAddress(smtpHost, smtpPort), timeout);
                socket.setSoTimeout(timeout);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII));
                String greeting = in.readLine();
                OutputStream out = socket.getOutputStream();
                out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                boolean up = greeting != null && greeting.startsWith("220");
                return outcome(up, greeting == null ? "沒有問候訊息" : greeting.length() > 80
                        ? greeting.substring(0, 80) : greeting);
            }
        });
    }

    private String statusOf(String body) {
        try {
            JsonNode status = json.readTree(body).get("status");
            return status == null ? null : status.asString();
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private record Outcome(boolean up, String detail) {
    }

    private static Outcome outcome(boolean up, String detail) {
        return new Outcome(up, detail);
    }

    private interface Check {
        Outcome run() throws Exception;
    }

    private static Probe timed(String name, Kind kind, String target, Check check) {
        long t0 = System.nanoTime();
        try {
            Outcome o = check.run();
            return new Probe(name, kind, target, o.up() ? State.UP : State.DOWN, o.detail(), millisSince(t0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(name, kind, target, State.DOWN, "中斷", millisSince(t0));
        } catch (Exception e) {
            Throwable cause = e.getCause() != null && e instanceof java.util.concurrent.ExecutionException
                    ? e.getCause() : e;
            return new Probe(name, kind, target, State.DOWN, "無法連線：" + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : " " + cause.getMessage()), millisSince(t0));
        }
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
