package tw.laborcloud.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * What the health view probes besides Kafka and the store, stood in for: a service's
 * {@code /actuator/health}, Keycloak's realm configuration, and an SMTP server's greeting.
 */
final class StandIns {

    static HttpServer http;
    static ServerSocket smtp;

    private StandIns() {
    }

    static synchronized void start() {
        if (http != null) {
            return;
        }
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/actuator/health", ex -> respond(ex, "{\"status\":\"UP\"}"));
            http.createContext("/realms/laborcloud/.well-known/openid-configuration",
                    ex -> respond(ex, "{\"issuer\":\"http://stand-in/realms/laborcloud\"}"));
            http.start();
            smtp = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            Thread.ofPlatform().daemon().start(() -> {
                while (!smtp.isClosed()) {
                    try (Socket s = smtp.accept()) {
                        OutputStream out = s.getOutputStream();
                        out.write("220 stand-in ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        s.getInputStream().read(new byte[64]);
                    } catch (IOException closed) {
                        // socket closed by the client or the server stopped
                    }
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String httpUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    static int smtpPort() {
        return smtp.getLocalPort();
    }

    /** A port nothing listens on (bound, then released). */
    static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange ex, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }
}
