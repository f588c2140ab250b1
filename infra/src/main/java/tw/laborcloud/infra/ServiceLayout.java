package tw.laborcloud.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A service's executable jar laid out the way its container image runs it: the application's classes in
 * {@code classes/}, each library as a plain jar in {@code lib/}, and a small launch jar whose manifest names the
 * main class and the class path in the order Spring Boot recorded ({@code BOOT-INF/classpath.idx}). The JDK's
 * own class loader then reads them; Spring Boot's nested-jar loader, which every class and every static file of
 * a fat jar passes through, is not in the process at all (it has open reports of requests that hang under
 * concurrent reads, and the images built by Jib never used it either).
 * <p>
 * A layout is made once per build of the jar (its size and time name the folder) and shared by the service's
 * instances; a restart reuses it, so a test that kills and starts a service pays nothing for it. A newer build
 * gets a folder of its own, so a running instance never has its files replaced.
 */
final class ServiceLayout {

    private static final String CLASSES = "BOOT-INF/classes/";
    private static final String LIB = "BOOT-INF/lib/";
    private static final String INDEX = "BOOT-INF/classpath.idx";

    private ServiceLayout() {
    }

    /**
     * The launch jar of {@code service} built from {@code execJar}, under {@code runDir/<service>/}; made now
     * unless this build of the jar was laid out before.
     */
    static Path prepare(Path execJar, Path runDir, String service) {
        Path home = runDir.resolve(service);
        try {
            Path dir = home.resolve(stamp(execJar));
            Path launchJar = dir.resolve(service + ".jar");
            if (Files.isRegularFile(launchJar)) {
                return launchJar;
            }
            Files.createDirectories(home);
            Path tmp = Files.createTempDirectory(home, "making-");
            try {
                extract(execJar, tmp, service);
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                deleteTree(tmp);
                if (Files.isRegularFile(launchJar)) {
                    return launchJar; // another instance of the same service made it at the same time
                }
                throw e;
            }
            return launchJar;
        } catch (IOException e) {
            throw new StackException("cannot lay out " + execJar + " under " + home + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes what earlier runs left under {@code runDir} that this one will not use: the layouts of older builds
     * of the given services' jars, half-made layouts, and the fat-jar copies of earlier versions of the launcher.
     * Called while none of the services runs.
     */
    static void removeStale(Path runDir, Map<String, Path> execJars) {
        if (!Files.isDirectory(runDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(runDir)) {
            for (Path entry : entries.toList()) {
                Path jar = execJars.get(entry.getFileName().toString());
                String name = entry.getFileName().toString();
                if (Files.isRegularFile(entry) && (name.endsWith(".jar") || name.endsWith(".jar.tmp"))) {
                    Files.delete(entry);
                } else if (jar != null && Files.isDirectory(entry)) {
                    String current = stamp(jar);
                    try (Stream<Path> builds = Files.list(entry)) {
                        for (Path build : builds.filter(b -> !b.getFileName().toString().equals(current)).toList()) {
                            deleteTree(build);
                        }
                    }
                }
            }
        } catch (IOException e) {
            Log.info("could not clean %s: %s", runDir, e);
        }
    }

    /** Names a build of a jar: its size and its time. */
    private static String stamp(Path execJar) throws IOException {
        return Files.size(execJar) + "-" + Files.getLastModifiedTime(execJar).toMillis();
    }

    private static void extract(Path execJar, Path into, String service) throws IOException {
        List<String> classPath = new ArrayList<>();
        String mainClass;
        try (JarFile jar = new JarFile(execJar.toFile())) {
            mainClass = jar.getManifest() == null ? null
                    : jar.getManifest().getMainAttributes().getValue("Start-Class");
            if (mainClass == null) {
                throw new StackException(execJar + " is not a Spring Boot executable jar (no Start-Class)");
            }
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                Path target;
                if (name.startsWith(CLASSES) && name.length() > CLASSES.length()) {
                    target = into.resolve("classes").resolve(name.substring(CLASSES.length()));
                } else if (name.startsWith(LIB) && name.endsWith(".jar")) {
                    target = into.resolve("lib").resolve(name.substring(LIB.length()));
                } else {
                    continue;
                }
                if (!target.normalize().startsWith(into)) {
                    throw new StackException(execJar + " has an entry outside its folders: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, target);
                }
            }
            JarEntry index = jar.getJarEntry(INDEX);
            if (index == null) {
                throw new StackException(execJar + " has no " + INDEX + ": its libraries' order is unknown");
            }
            try (InputStream in = jar.getInputStream(index)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String entry = line.strip();
                    if (entry.startsWith("- \"" + LIB) && entry.endsWith("\"")) {
                        classPath.add("lib/" + entry.substring(3 + LIB.length(), entry.length() - 1));
                    }
                }
            }
        }
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, mainClass);
        main.put(Attributes.Name.CLASS_PATH, "classes/ " + String.join(" ", classPath));
        try (OutputStream out = Files.newOutputStream(into.resolve(service + ".jar"));
                JarOutputStream launch = new JarOutputStream(out, manifest)) {
            // the manifest is all it holds
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            Log.info("could not remove %s: %s", root, e);
        }
    }
}
