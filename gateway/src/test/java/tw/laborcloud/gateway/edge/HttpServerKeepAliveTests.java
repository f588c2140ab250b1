package tw.laborcloud.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The HTTP server under the gateway (Reactor Netty) must go on reading a kept-alive connection
 * after it answered, at once, a request that had to wait behind an unfinished one. Reactor Netty
 * 1.3.6 (Spring Boot 4.0.7's choice) did not: it drained its queue without asking the socket for
 * more, so the connection's next request lay unread for ever (reactor/reactor-netty#4347, #4361),
 * which is how a union page's script request hung in our browser tests. The project's pom pins a
 * version with the fix; this test fails if a later change of versions brings the fault back.
 */
class HttpServerKeepAliveTests {

    @Test
    void theNextRequestIsReadAfterAQueuedRequestWasAnsweredAtOnce() throws Exception {
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> response.sendString(request.uri().startsWith("/slow")
                        ? Mono.delay(Duration.ofMillis(50)).thenReturn("slow")
                        : Mono.just("quick")))
                .bindNow();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // the second request arrives while the first is unfinished, so the server queues it
            out.write((KeepAliveIntegrationTests.get("/slow") + KeepAliveIntegrationTests.get("/quick"))
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(KeepAliveIntegrationTests.readAnswer(in)).startsWith("HTTP/1.1 200");
            assertThat(KeepAliveIntegrationTests.readAnswer(in)).startsWith("HTTP/1.1 200");

            out.write(KeepAliveIntegrationTests.get("/next").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String next;
            try {
                next = KeepAliveIntegrationTests.readAnswer(in);
            } catch (SocketTimeoutException e) {
                next = "no answer in 5 s: the server stopped reading the connection";
            }
            assertThat(next).startsWith("HTTP/1.1 200");
        } finally {
            server.disposeNow();
        }
    }
}
