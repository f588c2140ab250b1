package tw.laborcloud.infra;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real Keycloak server ({@code keycloak-quarkus-dist}) started with {@code kc.sh start-dev} as a child process.
 * Its database is an H2 file under {@code <dataDir>/keycloak/}, named with {@code --db-url}, so the realm and the
 * users created at run time survive a restart and nothing of it is kept inside the shared distribution.
 */
final class KeycloakServer {
    static final String REALM = "laborcloud";
    static final String REALM_RESOURCE = "keycloak/laborcloud-realm.json";
    /**
     * The login themes: the realm's ({@code loginTheme}, unions) and the staff client's
     * ({@code login_theme} of client {@code review}); Keycloak reads them from {@code <kcHome>/themes/}.
     */
    static final List<String> THEMES = List.of("laborcloud", "laborcloud-staff");

    private final StackConfig config;
    private final Path dbDir;
    private final ChildProcess process;

    KeycloakServer(StackConfig config) {
        this.config = config;
        this.dbDir = config.dataDir().resolve("keycloak");
        String dbUrl = "jdbc:h2:file:" + dbDir.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE";
        List<String> command = List.of("bash", config.kcHome().resolve("bin").resolve("kc.sh").toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + config.keycloakPort(),
                "--hostname=" + url(),
                "--import-realm",
                "--db=dev-file",
                "--db-url=" + dbUrl);
        Map<String, String> env = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                // dev only: the temporary admin of the master realm
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        // settings from the caller's environment would silently change the server (KC_DB, JAVA_OPTS, ...)
        this.process = new ChildProcess("keycloak", command, env,
                name -> name.startsWith("KC_") || name.startsWith("JAVA_OPTS") || name.equals("JAVA"),
                dbDir, config.dataDir().resolve("logs").resolve("keycloak.log"));
    }

    ChildProcess process() {
        return process;
    }

    String url() {
        return "http://localhost:" + config.keycloakPort();
    }

    String healthUrl() {
        return url() + "/realms/" + REALM + "/.well-known/openid-configuration";
    }

    Path databaseDir() {
        return dbDir;
    }

    /** Fails early, before anything else starts, when the distribution is not unpacked. */
    void checkInstalled() {
        if (!Files.isRegularFile(config.kcHome().resolve("bin").resolve("kc.sh"))
                || !Files.isRegularFile(config.kcHome().resolve("lib").resolve("quarkus-run.jar"))) {
            throw new StackException("Keycloak " + StackConfig.KEYCLOAK_VERSION + " is not unpacked at "
                    + config.kcHome() + "; run `./mvnw -pl infra package` (it unpacks "
                    + "org.keycloak:keycloak-quarkus-dist:" + StackConfig.KEYCLOAK_VERSION + " there)");
        }
    }

    /** Copies the realm file into the import folder, installs the login theme and starts the server (does not wait). */
    void start() {
        checkInstalled();
        installTheme();
        Path importDir = config.kcHome().resolve("data").resolve("import");
        try (InputStream realm = KeycloakServer.class.getClassLoader().getResourceAsStream(REALM_RESOURCE)) {
            if (realm == null) {
                throw new StackException("class path resource " + REALM_RESOURCE + " is missing");
            }
            Files.createDirectories(importDir);
            Files.createDirectories(dbDir);
            Files.copy(realm, importDir.resolve("laborcloud-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StackException("cannot copy the realm into " + importDir + ": " + e.getMessage(), e);
        }
        process.start();
    }

    /**
     * Replaces {@code <kcHome>/themes/laborcloud} with the theme on the class path (a folder in the IDE, a jar
     * entry otherwise), so that every start serves the theme of the code being run. Keycloak reads folder themes
     * at run time: no rebuild of the distribution is needed.
     */
    void installTheme() {
        THEMES.forEach(this::installTheme);
    }

    private void installTheme(String theme) {
        String resource = "keycloak/themes/" + theme;
        Path target = config.kcHome().resolve("themes").resolve(theme);
        URL marker = KeycloakServer.class.getClassLoader().getResource(resource + "/login/theme.properties");
        if (marker == null) {
            throw new StackException("class path resource " + resource + " is missing");
        }
        try {
            URI uri = marker.toURI();
            deleteRecursively(target);
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                boolean opened = false;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                    opened = true;
                } catch (FileSystemAlreadyExistsException alreadyOpen) {
                    jar = FileSystems.getFileSystem(uri);
                }
                try {
                    copyTree(jar.getPath("/" + resource), target);
                } finally {
                    if (opened) {
                        jar.close();
                    }
                }
            } else {
                copyTree(Path.of(uri).getParent().getParent(), target);
            }
        } catch (IOException | URISyntaxException e) {
            throw new StackException("cannot install the login theme into " + target + ": " + e.getMessage(), e);
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path from : (Iterable<Path>) paths::iterator) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    void stop(Duration grace) {
        process.stop(grace);
    }

    /** True once the database file exists: a start after that skips the realm import (IGNORE_EXISTING). */
    boolean hasDatabase() {
        return Files.exists(dbDir.resolve("keycloakdb.mv.db"));
    }
}
