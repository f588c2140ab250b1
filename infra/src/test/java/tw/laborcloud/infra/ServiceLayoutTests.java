package tw.laborcloud.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spring Boot executable jar laid out for the JDK's class loader runs as the fat jar would: its own classes and
 * resources, its libraries in the order Spring Boot recorded, its main class; a restart reuses the layout and a
 * new build gets its own.
 */
class ServiceLayoutTests {

    @TempDir
    Path dir;

    @Test
    void theLaidOutJarRunsItsMainClassWithItsResourcesAndLibrariesInTheRecordedOrder() throws Exception {
        Path execJar = bootJar("hello-exec.jar", "1");
        Path launchJar = ServiceLayout.prepare(execJar, dir.resolve("run"), "hello-service");

        assertThat(launchJar.getParent().resolve("classes/static/page.txt")).hasContent("頁面 1");
        assertThat(launchJar.getParent().resolve("lib")).isDirectoryContaining("glob:**/second.jar")
                .isDirectoryContaining("glob:**/first.jar");
        // second.jar comes first in classpath.idx, so its greeting is the one found
        assertThat(run(launchJar)).isEqualTo("頁面 1 / 第二個函式庫");
    }

    @Test
    void aRestartReusesTheLayoutAndANewBuildGetsItsOwnWhileTheOldStaysUntilTheNextStackStart() throws Exception {
        Path run = dir.resolve("run");
        Path execJar = bootJar("hello-exec.jar", "1");
        Path first = ServiceLayout.prepare(execJar, run, "hello-service");
        Files.writeString(first.getParent().resolve("classes/static/page.txt"), "marked");
        assertThat(ServiceLayout.prepare(execJar, run, "hello-service")).isEqualTo(first);
        assertThat(first.getParent().resolve("classes/static/page.txt")).hasContent("marked");

        Path rebuilt = bootJar("hello-exec.jar", "2 (rebuilt)");
        Files.setLastModifiedTime(rebuilt, FileTime.fromMillis(Files.getLastModifiedTime(rebuilt).toMillis() + 5_000));
        Path second = ServiceLayout.prepare(rebuilt, run, "hello-service");
        assertThat(second.getParent()).isNotEqualTo(first.getParent());
        assertThat(first).exists();
        assertThat(run(second)).startsWith("頁面 2 (rebuilt)");

        Files.writeString(run.resolve("hello-service.jar"), "a fat-jar copy of an earlier launcher");
        Files.writeString(run.resolve("children.pids"), "123");
        ServiceLayout.removeStale(run, Map.of("hello-service", rebuilt));
        assertThat(first.getParent()).doesNotExist();
        assertThat(second).exists();
        assertThat(run.resolve("hello-service.jar")).doesNotExist();
        assertThat(run.resolve("children.pids")).exists();
    }

    @Test
    void aJarThatIsNoSpringBootJarIsRefusedWithItsName() throws Exception {
        Path plain = dir.resolve("plain.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(plain), new Manifest())) {
            out.putNextEntry(new JarEntry("a.txt"));
            out.write(1);
        }
        assertThatThrownBy(() -> ServiceLayout.prepare(plain, dir.resolve("run"), "plain"))
                .isInstanceOf(StackException.class).hasMessageContaining("plain.jar").hasMessageContaining("Start-Class");
        assertThat(dir.resolve("run/plain")).isEmptyDirectory();
    }

    private static String run(Path launchJar) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ChildProcess.javaExecutable(), "-Dstdout.encoding=UTF-8", "-jar",
                launchJar.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /** A jar shaped as Spring Boot packs one: Start-Class, BOOT-INF/classes, BOOT-INF/lib, classpath.idx. */
    private Path bootJar(String name, String version) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src-" + System.nanoTime()).resolve("demo"));
        Files.writeString(src.resolve("Hello.java"), """
                package demo;
                public class Hello {
                    public static void main(String[] args) throws Exception {
                        String page = new String(Hello.class.getResourceAsStream("/static/page.txt").readAllBytes(), "UTF-8");
                        String greeting = new String(Hello.class.getResourceAsStream("/greeting.txt").readAllBytes(), "UTF-8");
                        System.out.println(page + " / " + greeting);
                    }
                }
                """);
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d",
                src.getParent().toString(), src.resolve("Hello.java").toString());
        assertThat(compiled).isZero();
        Map<String, byte[]> libs = new LinkedHashMap<>();
        libs.put("first.jar", library("第一個函式庫"));
        libs.put("second.jar", library("第二個函式庫"));

        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.launch.JarLauncher");
        manifest.getMainAttributes().putValue("Start-Class", "demo.Hello");
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            entry(out, "BOOT-INF/classes/demo/Hello.class", Files.readAllBytes(src.resolve("Hello.class")));
            entry(out, "BOOT-INF/classes/static/page.txt", ("頁面 " + version).getBytes(StandardCharsets.UTF_8));
            for (var lib : libs.entrySet()) {
                entry(out, "BOOT-INF/lib/" + lib.getKey(), lib.getValue());
            }
            entry(out, "BOOT-INF/classpath.idx", String.join("\n", List.of("- \"BOOT-INF/lib/second.jar\"",
                    "- \"BOOT-INF/lib/first.jar\"", "")).getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static byte[] library(String greeting) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, new Manifest())) {
            entry(out, "greeting.txt", greeting.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static void entry(JarOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(content);
        out.closeEntry();
    }
}
