package tw.laborcloud.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The diagnosis a hung browser request gets reads the kernel's socket tables right: a request sent on a connection
 * the server has not accepted yet shows in the listening socket's queue; once accepted and not read, its bytes show
 * in the connection's receive queue. No stack needed: a server socket of its own on a free port.
 */
class GatewayStateTests {

    @Test
    void aRequestTheServerHasNotReadShowsWhereItWaits() throws Exception {
        byte[] request = "GET /js/filing.js HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                Socket browser = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            OutputStream out = browser.getOutputStream();
            out.write(request);
            out.flush();
            assertThat(GatewayState.sockets(server.getLocalPort()))
                    .contains("1 connection(s) waiting to be accepted");

            try (Socket accepted = server.accept()) {
                String state = GatewayState.sockets(server.getLocalPort());
                assertThat(state).contains("1 established connection(s)")
                        .contains(request.length + " bytes received and not read by the gateway");
                accepted.getInputStream().readNBytes(request.length);
                assertThat(GatewayState.sockets(server.getLocalPort())).contains("none with bytes queued");
            }
        }
    }
}
