package tw.laborcloud.infra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One child process of the stack (Kafka, Keycloak, a service) with its output in a log file. It runs in a session
 * of its own ({@code setsid}) so a Ctrl-C in the terminal reaches only the launcher, which then stops the parts in
 * order.
 */
final class ChildProcess {
    /** util-linux's setsid, found on the PATH; without it children share the launcher's session. */
    private static final Path SETSID = onPath("setsid");

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Predicate<String> dropEnvironment;
    private final Path workDir;
    private final Path logFile;
    private Process process;
    private boolean startedBefore;
    private volatile boolean stopRequested;

    ChildProcess(String name, List<String> command, Map<String, String> environment,
                 Predicate<String> dropEnvironment, Path workDir, Path logFile) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.dropEnvironment = dropEnvironment;
        this.workDir = workDir;
        this.logFile = logFile;
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    synchronized void start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        List<String> full = new ArrayList<>();
        if (SETSID != null) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(logFile.getParent());
            String header = "==== " + Instant.now() + " starting " + name + ": " + String.join(" ", command)
                    + System.lineSeparator();
            if (startedBefore) {
                Files.writeString(logFile, header, StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } else {
                Files.writeString(logFile, header, StandardCharsets.UTF_8);
            }
            ProcessBuilder pb = new ProcessBuilder(full)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().keySet().removeIf(dropEnvironment);
            pb.environment().putAll(environment);
            Process started = pb.start();
            process = started;
            startedBefore = true;
            stopRequested = false;
            started.onExit().thenAccept(p -> {
                if (!stopRequested) {
                    Log.info("%s (pid %d) exited unexpectedly with code %d; see %s", name, p.pid(), p.exitValue(),
                            logFile);
                }
            });
        } catch (IOException e) {
            throw new StackException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    synchronized Process process() {
        return process;
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    synchronized Integer exitCode() {
        return process == null || process.isAlive() ? null : process.exitValue();
    }

    /** The process and everything it started (Keycloak's kc.sh starts a JVM). */
    synchronized List<ProcessHandle> tree() {
        if (process == null) {
            return List.of();
        }
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .filter(ProcessHandle::isAlive)
                .toList();
    }

    /** SIGTERM, wait up to {@code grace}, then SIGKILL whatever of the tree is left. */
    void stop(Duration grace) {
        Process p;
        List<ProcessHandle> descendants;
        synchronized (this) {
            p = process;
            if (p == null) {
                return;
            }
            descendants = p.descendants().toList();
            stopRequested = true;
        }
        Instant deadline = Instant.now().plus(grace);
        p.destroy();
        try {
            if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                Log.info("%s did not stop within %d s after SIGTERM; killing it", name, grace.toSeconds());
                p.destroyForcibly();
            }
            for (ProcessHandle d : descendants) {
                long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
                try {
                    d.onExit().get(left, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    d.destroyForcibly();
                } catch (java.util.concurrent.ExecutionException e) {
                    d.destroyForcibly();
                }
            }
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** SIGKILL the whole tree at once (a crash, as far as the others can tell). */
    void kill() {
        Process p;
        List<ProcessHandle> descendants;
        synchronized (this) {
            p = process;
            if (p == null) {
                return;
            }
            descendants = p.descendants().toList();
            stopRequested = true;
        }
        p.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            p.waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle d : descendants) {
                d.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception ignored) {
            // best effort
        }
    }

    /** Resident memory of the process tree in kB (Linux /proc). */
    long rssKb() {
        return tree().stream().mapToLong(h -> rssKb(h.pid())).sum();
    }

    /** The java of this JVM, which starts every child JVM. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Resident memory (VmRSS) in MB of this JVM ("launcher") and of each child that runs, by name. */
    static Map<String, Long> residentMegabytes(List<ChildProcess> children) {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("launcher", rssKb(ProcessHandle.current().pid()) / 1024);
        for (ChildProcess p : children) {
            long kb = p.rssKb();
            if (kb > 0) {
                out.put(p.name(), kb / 1024);
            }
        }
        return out;
    }

    /** CPU time used so far by this JVM ("launcher") and by each child that runs (its whole process tree), by name. */
    static Map<String, Duration> cpuTimes(List<ChildProcess> children) {
        Map<String, Duration> out = new LinkedHashMap<>();
        out.put("launcher", cpuTime(ProcessHandle.current()));
        for (ChildProcess p : children) {
            List<ProcessHandle> tree = p.tree();
            if (!tree.isEmpty()) {
                out.put(p.name(), tree.stream().map(ChildProcess::cpuTime).reduce(Duration.ZERO, Duration::plus));
            }
        }
        return out;
    }

    private static Duration cpuTime(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // process gone or no /proc
        }
        return 0;
    }

    /** The last {@code lines} lines of the log file. */
    String tail(int lines) {
        return tail(logFile, lines);
    }

    static String tail(Path file, int lines) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long start = Math.max(0, length - 64 * 1024);
            byte[] bytes = new byte[(int) (length - start)];
            raf.seek(start);
            raf.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\\R");
            int from = Math.max(0, all.length - lines);
            return String.join(System.lineSeparator(), java.util.Arrays.asList(all).subList(from, all.length));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (!dir.isBlank() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
