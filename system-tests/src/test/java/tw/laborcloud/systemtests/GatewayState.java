package tw.laborcloud.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import tw.laborcloud.infra.LocalStack;

/**
 * For the message of a browser test whose page waited for an answer that did not come: where the request is. The
 * gateway's TCP sockets from the kernel ({@code /proc/net/tcp}, {@code tcp6}): bytes waiting in a connection's
 * receive queue were sent by the browser and not read by the gateway, a listening socket's queue holds connections
 * not yet accepted, and a connection with nothing queued has either its request being handled or none sent. Then
 * what the gateway's request threads (Reactor Netty's event loops, the bounded-elastic workers) are doing, from the
 * JDK's {@code jcmd Thread.print}; an event loop waiting in epoll and a worker waiting for work are left out.
 */
final class GatewayState {

    private static final int FRAMES = 14;
    /** TCP states of /proc/net/tcp: 01 established, 0A listening. */
    private static final String ESTABLISHED = "01";
    private static final String LISTEN = "0A";

    private GatewayState() {
    }

    static String describe(LocalStack stack) {
        return sockets(stack.config().servicePort("gateway")) + "\n" + threads(stack);
    }

    static String sockets(int port) {
        List<String> out = new ArrayList<>();
        int established = 0;
        int queued = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(table));
            } catch (IOException e) {
                continue;
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 5) {
                    continue;
                }
                int local = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16);
                if (local != port) {
                    continue;
                }
                String[] queues = f[4].split(":");
                long tx = Long.parseLong(queues[0], 16);
                long rx = Long.parseLong(queues[1], 16);
                if (LISTEN.equals(f[3])) {
                    out.add("  listening (" + table + "): " + rx + " connection(s) waiting to be accepted");
                } else if (ESTABLISHED.equals(f[3])) {
                    established++;
                    if (rx > 0 || tx > 0) {
                        queued++;
                        out.add("  connection from port " + Integer.parseInt(f[2].substring(f[2].indexOf(':') + 1), 16)
                                + ": " + rx + " bytes received and not read by the gateway, " + tx + " bytes not sent");
                    }
                }
            }
        }
        out.add(0, "the gateway's port " + port + ": " + established + " established connection(s)"
                + (queued == 0 ? ", none with bytes queued" : ""));
        return String.join("\n", out);
    }

    static String threads(LocalStack stack) {
        OptionalLong pid = stack.servicePid("gateway");
        if (pid.isEmpty()) {
            return "the gateway is not running";
        }
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid.getAsLong()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            List<String> out = new ArrayList<>();
            for (String thread : dump.split("\\n\\s*\\n")) {
                String head = thread.strip();
                boolean requestThread = head.startsWith("\"reactor-http") || head.startsWith("\"boundedElastic")
                        || head.startsWith("\"parallel");
                boolean idle = head.contains("epollWait") || head.contains("ScheduledThreadPoolExecutor$DelayedWorkQueue.take");
                if (requestThread && !idle) {
                    head.lines().limit(FRAMES).forEach(line -> out.add("  " + line.strip()));
                }
            }
            return "the gateway's request threads:\n" + (out.isEmpty() ? "  all idle" : String.join("\n", out));
        } catch (Exception e) {
            return "no thread dump of the gateway: " + e;
        }
    }
}
