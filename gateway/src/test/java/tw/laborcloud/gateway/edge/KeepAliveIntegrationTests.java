package tw.laborcloud.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tw.laborcloud.gateway.GatewayApplication;

/**
 * A browser keeps its connection to the gateway open and sends the next request on it as soon as
 * it has the whole answer to the previous one, which may be before the gateway has finished its
 * own bookkeeping of that answer. The gateway must go on reading that connection: a page whose
 * script request sits unread in the gateway's socket waits for ever (the union clerk sees a page
 * that never finishes: two browser tests met this in CI, 1 run in 4). The server's own part of it
 * is {@link HttpServerKeepAliveTests}; this test drives the whole gateway the way a page does.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeepAliveIntegrationTests {

    static StandInStack stack;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) throws IOException {
        stack = StandInStack.start(exchange -> {
            try {
                Thread.sleep(100); // a service's answer takes a moment; the script after it does not
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stack.gatewayProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @LocalServerPort
    int port;

    /**
     * The requests a union page makes, one after another on one connection as Chrome sends them: a service's
     * answer (which the gateway finishes off its event loop, so that the next request often arrives before the
     * gateway is done with it), scripts, a revalidated script, a redirect, a page that needs a login, a 404.
     * Every one is answered; none waits behind an unread socket.
     */
    @Test
    void everyRequestOnAKeptAliveConnectionIsAnswered() throws Exception {
        String service = get("/api/registrations/reference-data");
        String[] requests = {service, get("/js/filing.js"), service, get("/register"), service,
                get("/no-such-page.js"), service, get("/portal/affairs"), service,
                get("/web/api.js").replace("\r\n\r\n", "\r\nIf-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT\r\n\r\n"),
                service, get("/actuator/health")};
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int n = 0; n < 120; n++) {
                String request = requests[n % requests.length];
                out.write(request.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String answer;
                try {
                    answer = readAnswer(in);
                } catch (SocketTimeoutException e) {
                    answer = "no answer in 5 s: the gateway stopped reading the connection";
                }
                assertThat(answer).as("request %d on one connection: %s", n + 1, request.lines().findFirst().orElseThrow())
                        .startsWith("HTTP/1.1 ");
            }
        }
    }

    static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n";
    }

    /** One whole HTTP/1.1 answer: its head and its body (by Content-Length or chunks); returns the head. */
    static String readAnswer(InputStream in) throws IOException {
        String head = readHead(in);
        long length = -1;
        boolean chunked = false;
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            while (true) {
                String size = readLine(in);
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                in.readNBytes(n);
                readLine(in);
                if (n == 0) {
                    break;
                }
            }
        } else if (length > 0) {
            in.readNBytes((int) length);
        }
        return head;
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            head.append(line).append("\r\n");
        }
        return head.toString();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the gateway closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
