package tw.laborcloud.systemtests;

import java.nio.file.Path;
import java.util.List;

import tw.laborcloud.infra.LocalStack;
import tw.laborcloud.infra.StackConfig;
import tw.laborcloud.loadbench.Bench;

/**
 * One real stack for all system tests of a run (starting it takes most of their time):
 * started by the first test class that asks, stopped when the test JVM exits. Every run
 * starts from empty stores and imports the realm afresh. The registration service runs
 * with the captcha-fixed profile so that a browser can answer the captcha (TEST).
 */
final class SharedStack {

    private static LocalStack stack;

    private SharedStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            Path repoRoot = Path.of("..").toAbsolutePath().normalize();
            Path dataDir = repoRoot.resolve("system-tests/target/stack-data");
            deleteRecursively(dataDir);
            stack = LocalStack.start(StackConfig.builder().repoRoot(repoRoot).dataDir(dataDir)
                    .extraServiceArgs("registration-service", List.of("--spring.profiles.active=captcha-fixed"))
                    // the suite's own address is not limited; EdgeSystemTests meets the limits from 127.0.0.x
                    .extraServiceArgs("gateway", List.of("--laborcloud.rate-limits.exempt-addresses[0]=127.0.0.1",
                            "--laborcloud.rate-limits.exempt-addresses[1]=::1"))
                    .build());
            System.out.println(stack.describe());
            LocalStack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop-stack"));
        }
        return stack;
    }

    static void deleteRecursively(Path dir) {
        Bench.deleteRecursively(dir);
    }
}
