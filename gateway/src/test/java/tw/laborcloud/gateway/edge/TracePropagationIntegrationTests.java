package tw.laborcloud.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tw.laborcloud.gateway.GatewayApplication;

/**
 * The gateway starts a trace for each request and hands it to the service in a W3C
 * {@code traceparent} header, so that a request can be followed from the edge through every
 * service's log. It must keep doing so with Reactor's context propagation limited to where it is
 * asked for (application.yml), which spares each request a restore of every thread local at every
 * operator; a browser's session must not be needed for it either (ExistingSessions).
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TracePropagationIntegrationTests {

    static StandInStack stack;
    static final List<String> traceparents = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) throws IOException {
        stack = StandInStack.start(exchange -> traceparents.add(String.valueOf(
                exchange.getRequestHeaders().getFirst("traceparent"))));
        stack.gatewayProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @LocalServerPort
    int port;

    @Test
    void eachProxiedRequestReachesTheServiceWithATraceOfItsOwn() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/registrations/reference-data")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
        }

        assertThat(traceparents).hasSize(2).allMatch(t -> t.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"),
                "a W3C traceparent");
        assertThat(traceparents.get(0).substring(3, 35)).as("trace id of each request")
                .isNotEqualTo(traceparents.get(1).substring(3, 35));
    }
}
