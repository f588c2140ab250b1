package tw.laborcloud.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The pids of the stack's child processes in {@code <data>/run/children.pids}: if the launcher is killed with
 * SIGKILL its children live on, and the next start on the same data folder ends them. Only processes whose command
 * line names the data folder are ended, so a pid reused by something else is left alone.
 */
final class ProcessLedger {

    private final Path file;
    private final String marker;

    ProcessLedger(Path dataDir) {
        this.file = dataDir.resolve("run").resolve("children.pids");
        this.marker = dataDir.toString();
    }

    /** Writes down the current children (a safety net: a failure to write is ignored). */
    synchronized void record(List<Long> pids) {
        try {
            Files.write(file, pids.stream().map(String::valueOf).toList(), StandardCharsets.UTF_8);
        } catch (IOException ignored) {
            // only a safety net
        }
    }

    /** Ends the children an earlier run recorded and left running, then forgets them. */
    void endLeftovers() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                ProcessHandle.of(Long.parseLong(line.trim()))
                        .filter(ProcessHandle::isAlive)
                        .filter(h -> h.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                        .ifPresent(h -> {
                            Log.info("ending process %d left over from an earlier run that did not stop: %s",
                                    h.pid(), abbreviate(h.info().commandLine().orElse("?"), 140));
                            h.descendants().forEach(ProcessHandle::destroyForcibly);
                            h.destroyForcibly();
                            h.onExit().join();
                        });
            }
            Files.delete(file);
        } catch (IOException | RuntimeException e) {
            Log.info("could not check %s: %s", file, e);
        }
    }

    /** After a clean stop: nothing is left to end. */
    void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // stale pids are checked against their command line anyway
        }
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }
}
