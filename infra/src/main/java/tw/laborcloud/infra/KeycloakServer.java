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
final class KeycloakServer implements ChildPart {
    static final String REALM = "laborcloud";
    static final String REALM_RESOURCE = "keycloak/laborcloud-realm.json";
    /** The production realm (./run --prod): no users, no password grants, secrets and addresses as ${ENV} placeholders. */
    static final String PROD_REALM_RESOURCE = "keycloak/laborcloud-realm.prod.json";
    /**
     * The login themes: the realm's ({@code loginTheme}, unions) and the staff client's
     * ({@code login_theme} of client {@code review}); Keycloak reads them from {@code <kcHome>/themes/}.
     */
    static final List<String> THEMES = List.of("laborcloud", "laborcloud-staff");

    private final StackConfig config;
    private final Path dbDir;
    private final ChildProcess process;

    private final String realmResource;

    /** @param secrets the production-like stack's secrets, or null for the development realm and its demo users */
    KeycloakServer(StackConfig config, StackSecrets secrets) {
        this.config = config;
        this.realmResource = secrets == null ? REALM_RESOURCE : PROD_REALM_RESOURCE;
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
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                // the temporary admin of the master realm: admin/admin in development
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", secrets == null ? "admin" : secrets.get(StackSecrets.KEYCLOAK_ADMIN_PASSWORD)));
        if (secrets != null) {
            // the production realm's placeholders: the portal's address, the clients' secrets, the mail relay
            env.put("LABORCLOUD_PUBLIC_URL", "http://localhost:" + config.servicePort("gateway"));
            env.put(StackSecrets.GATEWAY_CLIENT, secrets.get(StackSecrets.GATEWAY_CLIENT));
            env.put(StackSecrets.REVIEW_CLIENT, secrets.get(StackSecrets.REVIEW_CLIENT));
            env.put(StackSecrets.KEYCLOAK_ADMIN_CLIENT, secrets.get(StackSecrets.KEYCLOAK_ADMIN_CLIENT));
            env.put("LABORCLOUD_SMTP_HOST", "127.0.0.1");
            env.put("LABORCLOUD_SMTP_PORT", Integer.toString(config.smtpPort()));
            env.put("LABORCLOUD_SMTP_USER", "laborcloud");
            env.put(StackSecrets.SMTP_PASSWORD, secrets.get(StackSecrets.SMTP_PASSWORD));
            env.put("LABORCLOUD_MAIL_FROM", "no-reply@laborcloud.local");
        }
        // settings from the caller's environment would silently change the server (KC_DB, JAVA_OPTS, ...)
        this.process = new ChildProcess("keycloak", command, env,
                name -> name.startsWith("KC_") || name.startsWith("JAVA_OPTS") || name.equals("JAVA"),
                dbDir, config.dataDir().resolve("logs").resolve("keycloak.log"));
    }

    @Override
    public String name() {
        return "keycloak";
    }

    @Override
    public ChildProcess process() {
        return process;
    }

    /** The realm's discovery document answers: the realm is imported and tokens can be had. */
    @Override
    public boolean healthy(Readiness readiness) {
        return readiness.httpOk(healthUrl());
    }

    @Override
    public String probe() {
        return "GET " + healthUrl();
    }

    @Override
    public Duration startTimeout() {
        return config.keycloakStartTimeout();
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
    @Override
    public void start() {
        checkInstalled();
        checkRealmKind();
        installTheme();
        Path importDir = config.kcHome().resolve("data").resolve("import");
        try (InputStream realm = KeycloakServer.class.getClassLoader().getResourceAsStream(realmResource)) {
            if (realm == null) {
                throw new StackException("class path resource " + realmResource + " is missing");
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

    @Override
    public void stop(Duration grace) {
        process.stop(grace);
    }

    /** True once the database file exists: a start after that skips the realm import (IGNORE_EXISTING). */
    boolean hasDatabase() {
        return Files.exists(dbDir.resolve("keycloakdb.mv.db"));
    }

    /**
     * The realm is imported only into an empty database: a data folder made with the development realm keeps it
     * under --prod (demo users, the development client secrets the prod services refuse), and the other way round.
     * So the folder remembers which realm it holds, and a start with the other one is refused, naming the way out.
     */
    void checkRealmKind() {
        String kind = realmResource.equals(PROD_REALM_RESOURCE) ? "production" : "development";
        Path marker = dbDir.resolve("realm-kind");
        try {
            if (hasDatabase()) {
                // a database from before this marker existed holds the development realm
                String held = Files.exists(marker) ? Files.readString(marker).strip() : "development";
                if (!held.equals(kind)) {
                    throw new StackException("the data folder " + config.dataDir() + " holds Keycloak with the " + held
                            + " realm; this start needs the " + kind + " one: use another data folder (./run "
                            + (kind.equals("production") ? "--prod --data .data-prod" : "--data .data")
                            + ") or delete " + dbDir);
                }
            }
            Files.createDirectories(dbDir);
            Files.writeString(marker, kind + "\n");
        } catch (IOException e) {
            throw new StackException("cannot read or write " + marker + ": " + e.getMessage(), e);
        }
    }
}
