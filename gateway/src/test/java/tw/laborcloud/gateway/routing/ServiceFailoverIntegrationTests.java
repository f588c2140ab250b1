package tw.laborcloud.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The document service as two real instances behind the gateway: balancing, retried reads, the
 * health check, the breaker and the 503 answer when neither answers. The health check runs every
 * 2 s here (5 s in application.yml); the breaker has its production settings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.loadbalancer.health-check.interval=2s")
class ServiceFailoverIntegrationTests {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final Instance a = new Instance("a");
    static final Instance b = new Instance("b");

    @DynamicPropertySource
    static void documentServiceInstances(DynamicPropertyRegistry registry) throws IOException {
        a.start();
        b.start();
        // exactly what the launcher passes
        registry.add("laborcloud.services.document", () -> a.url() + "," + b.url());
    }

    @AfterAll
    static void stopInstances() {
        a.stop();
        b.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    LoadBalancerClientFactory loadBalancers;
    @Autowired
    CircuitBreakerRegistry breakers;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void bothInstancesUpAndHealthy() throws IOException {
        for (Instance instance : List.of(a, b)) {
            instance.start();
            instance.apiStatus = 200;
            instance.received.clear();
        }
        breaker().reset();
        await().atMost(PATIENCE).until(() -> healthyPorts().equals(Set.of(a.port, b.port)));
    }

    @Test
    void requestsAreSpreadOverBothInstances() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(get("/api/documents/d" + i).statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < 4; i++) {
            assertThat(post("/api/documents").statusCode()).isEqualTo(200);
        }

        assertThat(a.received).filteredOn(r -> r.startsWith("GET")).isNotEmpty();
        assertThat(b.received).filteredOn(r -> r.startsWith("GET")).isNotEmpty();
        assertThat(a.received.size() + b.received.size()).isEqualTo(14);
    }

    @Test
    void aReadAnswered503ByOneInstanceIsRetriedOnTheOtherAndAWriteIsNot() throws Exception {
        b.apiStatus = 503;

        for (int i = 0; i < 10; i++) {
            HttpResponse<String> read = get("/api/documents/d" + i);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("\"instance\":\"a\"");
        }
        assertThat(b.received).as("reads that b refused and a then answered").isNotEmpty();

        int refused = 0;
        for (int i = 0; i < 6; i++) {
            int status = post("/api/documents").statusCode();
            assertThat(status).isIn(200, 503);
            refused += status == 503 ? 1 : 0;
        }
        List<String> writesAtB = b.received.stream().filter(r -> r.startsWith("POST")).toList();
        List<String> writesAtA = a.received.stream().filter(r -> r.startsWith("POST")).toList();
        assertThat(refused).as("writes balanced to b").isPositive();
        assertThat(writesAtB).as("each refused write reached b once and was not sent again").hasSize(refused);
        assertThat(writesAtA).hasSize(6 - refused);
    }

    @Test
    void whenOneInstanceStopsReadsStillSucceedAndAfterTheHealthCheckItGetsNoMoreTraffic() throws Exception {
        b.stop();

        // before the next health check some reads are balanced to b: connection refused, retried on a
        for (int i = 0; i < 10; i++) {
            assertThat(get("/api/documents/d" + i).statusCode()).isEqualTo(200);
        }
        await().atMost(PATIENCE).until(() -> healthyPorts().equals(Set.of(a.port)));

        // writes are never retried: had one been balanced to b, it would have failed
        int writesBefore = a.received.size();
        for (int i = 0; i < 10; i++) {
            assertThat(post("/api/documents").statusCode()).isEqualTo(200);
        }
        assertThat(a.received).hasSize(writesBefore + 10);
    }

    @Test
    void whenNoInstanceAnswersReadsAndWritesGet503InTraditionalChineseUntilOneIsBack() throws Exception {
        a.stop();
        b.stop();

        assertServiceUnavailableProblem(get("/api/documents/d1"), "/api/documents/d1");
        assertServiceUnavailableProblem(post("/api/documents"), "/api/documents");

        // enough failed requests open the breaker; it answers the same way without trying the service
        await().atMost(PATIENCE).until(() -> {
            assertServiceUnavailableProblem(get("/api/documents/d2"), "/api/documents/d2");
            return breaker().getState() == CircuitBreaker.State.OPEN;
        });
        assertServiceUnavailableProblem(get("/api/documents/d3"), "/api/documents/d3");
        assertServiceUnavailableProblem(post("/api/documents"), "/api/documents");

        a.start();
        // the health check finds a again, and after its wait the breaker lets requests through
        await().atMost(PATIENCE).until(() -> get("/api/documents/d4").statusCode() == 200);
        assertThat(post("/api/documents").statusCode()).isEqualTo(200);
        assertThat(a.received).contains("GET /api/documents/d4", "POST /api/documents");
    }

    @Test
    void anUploadStreamsThroughToTheServiceWhileItIsStillBeingSent() throws Exception {
        // the rest of the body is only sent once the service has the first part: a gateway that
        // buffered whole bodies (as the stock Retry filter does) would never pass this
        CountDownLatch firstPartArrived = new CountDownLatch(1);
        Instance.uploadStarted = firstPartArrived;
        InputStream rest = new InputStream() {
            int left = 1024 * 1024;

            @Override
            public int read() throws IOException {
                try {
                    if (!firstPartArrived.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                        throw new IOException("the service got nothing before the whole body was sent");
                    }
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                return left-- > 0 ? 'x' : -1;
            }
        };
        InputStream body = new SequenceInputStream(new ByteArrayInputStream(new byte[64 * 1024]), rest);

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/documents/upload"))
                .timeout(PATIENCE).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"bytes\":" + (64 * 1024 + 1024 * 1024));
    }

    void assertServiceUnavailableProblem(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(response.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(512);
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("title").asString()).isEqualTo("服務暫時無法使用");
        assertThat(problem.path("detail").asString()).isEqualTo("文件服務暫時無法使用，請稍後再試。");
        assertThat(problem.path("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(problem.path("service").asString()).isEqualTo("document");
        assertThat(problem.path("instance").asString()).isEqualTo(path);
    }

    /** The document service's instances the balancer currently picks from (after the health check). */
    Set<Integer> healthyPorts() {
        List<ServiceInstance> instances = loadBalancers.getInstance("document", ServiceInstanceListSupplier.class)
                .get().blockFirst(Duration.ofSeconds(30));
        return instances == null ? Set.of() : instances.stream().map(ServiceInstance::getPort).collect(Collectors.toSet());
    }

    CircuitBreaker breaker() {
        return breakers.circuitBreaker("documents");
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(PATIENCE).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(PATIENCE)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** One instance of a stand-in service: answers its API with apiStatus and its health with UP. */
    static final class Instance {

        /** Counted down once a request body's first part has arrived. */
        static volatile CountDownLatch uploadStarted;

        final String name;
        final List<String> received = new CopyOnWriteArrayList<>();
        volatile int apiStatus = 200;
        volatile int port;
        private HttpServer server;

        Instance(String name) {
            this.name = name;
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        /** Starts listening (again on the same port after a stop). */
        synchronized void start() throws IOException {
            if (server != null) {
                return;
            }
            await().atMost(PATIENCE).ignoreExceptionsInstanceOf(BindException.class)
                    .until(() -> (server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0)) != null);
            server.createContext("/", exchange -> {
                received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
                byte[] firstPart = exchange.getRequestBody().readNBytes(1024);
                CountDownLatch upload = uploadStarted;
                if (upload != null && firstPart.length > 0) {
                    upload.countDown();
                }
                long bytes = firstPart.length + exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
                byte[] body = ("{\"instance\":\"" + name + "\",\"bytes\":" + bytes + "}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(apiStatus, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/actuator/health", exchange -> {
                byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            port = server.getAddress().getPort();
        }

        /** Stops listening and closes its connections: the gateway's next connect is refused. */
        synchronized void stop() {
            if (server != null) {
                server.stop(0);
                server = null;
            }
        }
    }
}
