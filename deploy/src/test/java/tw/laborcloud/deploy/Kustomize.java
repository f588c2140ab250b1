package tw.laborcloud.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Renders a kustomization the way an operator would: with {@code kustomize build} or {@code kubectl kustomize},
 * whichever is installed (or the command in system property {@code laborcloud.kustomize}). Without either the
 * tests fail: the manifests are part of the build, and an unrendered overlay is an unchecked one.
 */
final class Kustomize {

    private static final Map<Path, String> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** The rendered YAML of the kustomization in this directory (rendered once per test run). */
    static String build(Path directory) {
        return RENDERED.computeIfAbsent(directory.toAbsolutePath().normalize(), Kustomize::run);
    }

    private static String run(Path directory) {
        List<String> command = new ArrayList<>(command());
        command.add(directory.toString());
        try {
            Path output = Files.createTempFile("kustomize", ".yaml");
            Path errors = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                        .redirectError(errors.toFile()).start();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    fail(String.join(" ", command) + " did not finish within 2 minutes");
                }
                String rendered = Files.readString(output, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    fail(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                            + Files.readString(errors, StandardCharsets.UTF_8));
                }
                return rendered;
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static List<String> command() {
        String configured = System.getProperty("laborcloud.kustomize", "");
        if (!configured.isBlank()) {
            return List.of(configured.trim().split("\\s+"));
        }
        Path kustomize = onPath("kustomize");
        if (kustomize != null) {
            return List.of(kustomize.toString(), "build");
        }
        Path kubectl = onPath("kubectl");
        if (kubectl != null) {
            return List.of(kubectl.toString(), "kustomize");
        }
        return fail("neither kubectl nor kustomize is on the PATH: the Kubernetes manifests (deploy/kubernetes) cannot "
                + "be rendered and checked. Install Debian's kubernetes-client (apt-get install kubernetes-client), "
                + "or name the command with -Dkustomize.command=\"kubectl kustomize\"");
    }

    private static Path onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
