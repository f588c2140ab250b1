package tw.laborcloud.infra;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import tw.laborcloud.infra.demo.DemoData;

/**
 * {@code ./run}: reads its options, starts the stack ({@link LocalStack}), seeds an empty data folder with the demo
 * data, prints the banner ({@link StackBanner}) and blocks until Ctrl-C, whose shutdown hook stops the stack.
 */
public final class StackLauncher {

    private static final String USAGE = "usage: ./run [--no-build] [--no-demo] [--infra-only] [--replicas N] [--prod]"
            + " [--data DIR] [--repo DIR] [--kc-home DIR]";

    private StackLauncher() {
    }

    /**
     * {@code ./run}: {@code --data <dir>} (default .data), {@code --repo <dir>} (default .), {@code --kc-home <dir>},
     * {@code --infra-only} (no services). Blocks until Ctrl-C.
     */
    public static void main(String[] args) {
        Log.setDefaultLevels();
        StackConfig.Builder builder = StackConfig.builder();
        boolean demo = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--no-demo" -> demo = false;
                case "--data" -> builder.dataDir(Path.of(value(args, ++i, "--data")));
                case "--repo" -> builder.repoRoot(Path.of(value(args, ++i, "--repo")));
                case "--kc-home" -> builder.kcHome(Path.of(value(args, ++i, "--kc-home")));
                case "--infra-only" -> builder.startServices(false);
                case "--replicas" -> builder.replicas(replicas(value(args, ++i, "--replicas")));
                case "--prod" -> builder.prod(true);
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> {
                    System.err.println("unknown argument: " + args[i] + " (" + USAGE + ")");
                    System.exit(2);
                }
            }
        }
        StackConfig config = builder.build();
        // demo data only on an empty data folder, in development, with every service
        boolean seed = demo && !config.prod() && config.startServices()
                && config.services().containsAll(LocalStack.SERVICES) && DemoData.wanted(config.dataDir());
        LocalStack stack;
        try {
            stack = LocalStack.start(config, true, seed ? DemoData.SEEDING_ARGS : Map.of());
            if (seed) {
                seedDemoData(stack, config);
            }
        } catch (StackException.AlreadyRunning | StackException.PortInUse e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        } catch (StackException e) {
            System.err.println("could not start the local stack: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println(stack.describe());
        System.out.println("  Press Ctrl-C to stop.");
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Seeds the demo data; a failure is reported and leaves the stack up. Ends the seeding's fixed captcha. */
    private static void seedDemoData(LocalStack stack, StackConfig config) {
        Log.info("demo data: seeding an empty data folder through the public APIs (./run --no-demo skips it)");
        try {
            DemoData.seed(stack, config.dataDir());
        } catch (RuntimeException e) {
            Log.info("demo data: stopped, the stack stays up without all of it: %s", e.getMessage());
        } finally {
            Log.info("demo data: restarting registration-service without the seeding's fixed captcha");
            stack.endTemporaryServiceArgs();
        }
    }

    private static int replicas(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= StackConfig.MAX_REPLICAS) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        System.err.println("--replicas takes 1 to " + StackConfig.MAX_REPLICAS
                + " (each topic has 3 partitions; a fourth instance of a service would get none)");
        System.exit(2);
        return 1;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[i];
    }
}
