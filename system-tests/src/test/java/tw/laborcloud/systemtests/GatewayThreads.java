package tw.laborcloud.systemtests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import tw.laborcloud.infra.LocalStack;

/**
 * What the gateway's request threads (Reactor Netty's event loops, the bounded-elastic workers) are doing, from
 * the JDK's {@code jcmd Thread.print}: for the message of a browser test whose page waited for an answer that did
 * not come. A loop waiting in epoll is idle; any other stack names the code that holds the loop.
 */
final class GatewayThreads {

    private static final int FRAMES = 14;

    private GatewayThreads() {
    }

    static String busy(LocalStack stack) {
        OptionalLong pid = stack.servicePid("gateway");
        if (pid.isEmpty()) {
            return "  (the gateway is not running)";
        }
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid.getAsLong()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            List<String> out = new ArrayList<>();
            for (String thread : dump.split("\\n\\s*\\n")) {
                String head = thread.strip();
                boolean requestThread = head.startsWith("\"reactor-http") || head.startsWith("\"boundedElastic");
                if (requestThread && !head.contains("epollWait") && !head.contains("LockSupport.park")) {
                    head.lines().limit(FRAMES).forEach(line -> out.add("  " + line.strip()));
                }
            }
            return out.isEmpty() ? "  all idle" : String.join("\n", out);
        } catch (Exception e) {
            return "  (no thread dump: " + e + ")";
        }
    }
}
