package tw.laborcloud.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tw.laborcloud.infra.demo.DemoData;

/**
 * The local stack: a real Kafka broker and a real Keycloak server as child JVMs, a MongoDB-wire store and GreenMail
 * in this JVM, and each service as its own JVM.
 *
 * <p>Two uses: {@code ./run} calls {@link #main}, which starts everything, prints the URLs and blocks until Ctrl-C;
 * system tests call {@link #start(StackConfig)} and {@link #stop()}, and inject faults with {@link #stopService},
 * {@link #killService}, {@link #stopKeycloak}, {@link #stopMail} and their start counterparts.
 */
public final class LocalStack implements AutoCloseable {

    /** Every service, in start order: at most two at a time, the gateway last (the ops console just before it). */
    public static final List<String> SERVICES = List.of("registration-service", "document-service",
            "review-service", "notification-service", "union-affairs-service", "ops-console", "gateway");

    /** The Kafka broker's admin principal (super user), for {@link #kafkaClientProperties(String)}. */
    public static final String KAFKA_ADMIN = KafkaAcls.ADMIN;

    static final String PROJECT_VERSION = "0.1.0-SNAPSHOT";
    private static final int LOG_TAIL_LINES = 40;

    private final StackConfig config;
    private final boolean launcher;
    private final KafkaBroker kafka;
    private final KeycloakServer keycloak;
    /** The production-like stack's secrets (./run --prod); null in development. */
    private final StackSecrets secrets;
    private final MongoWireStore mongo;
    private final MailServer mail;
    private final Map<String, ChildProcess> services = new ConcurrentHashMap<>();
    private final Map<String, Duration> startTimes = new ConcurrentHashMap<>();
    private final Object lifecycle = new Object();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private volatile boolean stopping;
    private boolean stopped;
    private volatile boolean launched;
    private RunLock lock;
    private Thread shutdownHook;
    private volatile Duration startupTime = Duration.ZERO;
    /** Arguments some services get until {@link #endTemporaryServiceArgs()} (the demo seeding's fixed captcha). */
    private final Map<String, List<String>> temporaryArgs = new ConcurrentHashMap<>();

    private LocalStack(StackConfig config, boolean launcher) {
        this.config = config;
        this.launcher = launcher;
        this.kafka = new KafkaBroker(config);
        this.secrets = config.prod() ? StackSecrets.of(config.dataDir()) : null;
        this.keycloak = new KeycloakServer(config, secrets);
        this.mongo = new MongoWireStore(config);
        this.mail = new MailServer(config);
    }

    // ---- start / stop -------------------------------------------------------------------------------------------

    /**
     * Starts Kafka, the MongoDB-wire store, mail and Keycloak, waits until each is healthy, then (if
     * {@link StackConfig#startServices()}) the services. On any failure everything started so far is stopped and a
     * {@link StackException} says why (with the last 40 lines of the failing part's log).
     *
     * @throws StackException.AlreadyRunning when another launcher holds {@code <dataDir>/run.lock}
     * @throws StackException.PortInUse      when a port a part needs is taken
     */
    public static LocalStack start(StackConfig config) {
        return start(config, false);
    }

    static LocalStack start(StackConfig config, boolean launcher) {
        return start(config, launcher, Map.of());
    }

    /** As {@link #start(StackConfig)}, with arguments for some services until {@link #endTemporaryServiceArgs()}. */
    static LocalStack start(StackConfig config, boolean launcher, Map<String, List<String>> temporaryServiceArgs) {
        setDefaultLogLevels();
        LocalStack stack = new LocalStack(config, launcher);
        temporaryServiceArgs.forEach((service, args) -> stack.temporaryArgs.put(StackConfig.serviceOf(service),
                List.copyOf(args)));
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException | Error e) {
            stack.stop();
            throw e;
        }
    }

    private void startAll() {
        Instant t0 = Instant.now();
        try {
            Files.createDirectories(config.dataDir().resolve("logs"));
            Files.createDirectories(config.dataDir().resolve("run"));
        } catch (IOException e) {
            throw new StackException("cannot create " + config.dataDir() + ": " + e.getMessage(), e);
        }
        lock = RunLock.acquire(config.dataDir().resolve("run.lock"));
        killLeftoversOfEarlierRun();
        checkPorts();
        keycloak.checkInstalled();
        if (config.startServices()) {
            Map<String, Path> jars = new LinkedHashMap<>();
            config.services().forEach(service -> jars.put(service, serviceJar(service)));
            ServiceLayout.removeStale(config.dataDir().resolve("run"), jars);
        }
        registerShutdownHook();
        launched = true;
        Log.info("starting the local stack in %s", config.dataDir());

        boolean firstKeycloakStart = !keycloak.hasDatabase();
        Instant keycloakT0 = Instant.now();
        launch(keycloak::start);
        Log.info("keycloak: starting %s (pid %d, %s; log %s)", keycloak.url(), keycloak.process().pid(),
                firstKeycloakStart ? "first start: creates its database, imports the realm"
                        : "database " + keycloak.databaseDir(), keycloak.process().logFile());

        Instant kafkaT0 = Instant.now();
        launch(kafka::start);
        Log.info("kafka: starting broker %s (pid %d, log %s)", kafka.bootstrapServers(), kafka.process().pid(),
                kafka.process().logFile());
        recordChildPids();

        mongo.start();
        mail.startSmtp();
        mail.startInbox();

        await("kafka", kafka.process(), config.kafkaStartTimeout(), kafka::healthy,
                "AdminClient describeCluster on " + kafka.bootstrapServers());
        startTimes.put("kafka", Duration.between(kafkaT0, Instant.now()));
        Log.info("kafka: healthy after %s", seconds(startTimes.get("kafka")));

        await("keycloak", keycloak.process(), config.keycloakStartTimeout(), () -> httpOk(keycloak.healthUrl()),
                "GET " + keycloak.healthUrl());
        startTimes.put("keycloak", Duration.between(keycloakT0, Instant.now()));
        Log.info("keycloak: healthy after %s", seconds(startTimes.get("keycloak")));
        recordChildPids();

        if (config.startServices()) {
            startServices();
        }
        startupTime = Duration.between(t0, Instant.now());
        recordChildPids();
        Log.info("stack up after %s, %d MB RSS", seconds(startupTime), memoryMegabytes());
    }

    private void startServices() {
        List<String> first = config.allInstances().stream()
                .filter(s -> !StackConfig.serviceOf(s).equals("gateway")).toList();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "service-starter");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<String> done = new ExecutorCompletionService<>(pool);
            for (String name : first) {
                done.submit(() -> {
                    startService(name);
                    return name;
                });
            }
            for (int i = 0; i < first.size(); i++) {
                Future<String> f = done.take();
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new StackException("service start failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while starting services", e);
        } finally {
            pool.shutdownNow();
        }
        if (config.services().contains("gateway")) {
            config.instances("gateway").forEach(this::startService);
        }
    }

    /**
     * Stops everything this stack started, in order: services (SIGTERM, up to {@link StackConfig#stopTimeout()},
     * then SIGKILL), Keycloak, Kafka, mail, the MongoDB-wire store; then releases the run lock. Safe to call twice.
     */
    public void stop() {
        synchronized (lifecycle) {
            if (stopped) {
                return;
            }
            stopped = true;
            stopping = true;
        }
        if (!launched) {
            // refused before anything started (lock held, port taken, something missing)
            http.close();
            if (lock != null) {
                lock.close();
            }
            return;
        }
        Log.info("stopping the local stack (%s)", config.dataDir());
        Duration grace = config.stopTimeout();
        List<Thread> stoppers = new ArrayList<>();
        for (ChildProcess p : services.values()) {
            stoppers.add(Thread.ofVirtual().name("stop-" + p.name()).start(() -> p.stop(grace)));
        }
        for (Thread t : stoppers) {
            joinQuietly(t);
        }
        keycloak.stop(grace);
        kafka.stop(grace);
        mail.stop();
        mongo.stop();
        for (ChildProcess p : allChildren()) {
            if (!p.tree().isEmpty()) {
                p.kill();
            }
        }
        if (launcher) {
            // ./run: nothing it started may outlive it
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        }
        http.close();
        try {
            Files.deleteIfExists(pidsFile());
        } catch (IOException ignored) {
            // stale pids are checked against their command line anyway
        }
        lock.close();
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down
            }
        }
        Log.info("local stack stopped");
    }

    @Override
    public void close() {
        stop();
    }

    // ---- fault injection ----------------------------------------------------------------------------------------

    /**
     * Starts (or restarts) one service instance and waits until it is healthy.
     * {@code name} is a service (its first instance) or an instance such as {@code registration-service-2}.
     */
    public void startService(String name) {
        StackConfig.serviceOf(name);
        ChildProcess p = services.computeIfAbsent(name, this::newServiceProcess);
        if (p.isAlive()) {
            await(name, p, config.serviceStartTimeout(), () -> httpOk(serviceHealthUrl(name)),
                    "GET " + serviceHealthUrl(name));
            return;
        }
        Instant t0 = Instant.now();
        launch(p::start);
        recordChildPids();
        Log.info("%s: starting on port %d (pid %d, log %s)", name, config.instancePort(name), p.pid(), p.logFile());
        try {
            await(name, p, config.serviceStartTimeout(), () -> httpOk(serviceHealthUrl(name)),
                    "GET " + serviceHealthUrl(name));
        } catch (RuntimeException e) {
            p.stop(Duration.ofSeconds(5));
            throw e;
        }
        startTimes.put(name, Duration.between(t0, Instant.now()));
        Log.info("%s: healthy after %s", name, seconds(startTimes.get(name)));
    }

    /** SIGTERM (graceful shutdown), then SIGKILL after {@link StackConfig#stopTimeout()}. */
    public void stopService(String name) {
        ChildProcess p = services.get(instance(name));
        if (p != null) {
            p.stop(config.stopTimeout());
            Log.info("%s: stopped", name);
        }
    }

    /** SIGKILL, no shutdown (a crash). */
    public void killService(String name) {
        ChildProcess p = services.get(instance(name));
        if (p != null) {
            p.kill();
            Log.info("%s: killed", name);
        }
    }

    /**
     * Restarts, one instance at a time, every service that was started with temporary arguments, now without them
     * (the other instances keep serving meanwhile).
     */
    void endTemporaryServiceArgs() {
        List<String> changed = List.copyOf(temporaryArgs.keySet());
        temporaryArgs.clear();
        for (String service : changed) {
            for (String name : config.instances(service)) {
                stopService(name);
                services.remove(name);
                startService(name);
            }
        }
    }

    public boolean isServiceRunning(String name) {
        ChildProcess p = services.get(instance(name));
        return p != null && p.isAlive();
    }

    /** The process id of a running service instance, for a test's diagnosis (a thread dump); empty if it is down. */
    public OptionalLong servicePid(String name) {
        ChildProcess p = services.get(instance(name));
        return p != null && p.isAlive() ? OptionalLong.of(p.pid()) : OptionalLong.empty();
    }

    /** Every service instance this stack runs (with one replica: the service names), in start order. */
    public List<String> serviceInstances() {
        return config.startServices() ? config.allInstances() : List.of();
    }

    private static String instance(String name) {
        StackConfig.serviceOf(name);
        return name;
    }

    public void stopKeycloak() {
        keycloak.stop(config.stopTimeout());
        Log.info("keycloak: stopped");
    }

    /** Starts Keycloak again (same database) and waits until the realm answers. */
    public void startKeycloak() {
        Instant t0 = Instant.now();
        if (!keycloak.process().isAlive()) {
            launch(keycloak::start);
            recordChildPids();
        }
        await("keycloak", keycloak.process(), config.keycloakStartTimeout(), () -> httpOk(keycloak.healthUrl()),
                "GET " + keycloak.healthUrl());
        startTimes.put("keycloak", Duration.between(t0, Instant.now()));
        recordChildPids();
        Log.info("keycloak: healthy after %s", seconds(startTimes.get("keycloak")));
    }

    public boolean isKeycloakRunning() {
        return keycloak.process().isAlive();
    }

    public void stopKafka() {
        kafka.stop(config.stopTimeout());
        Log.info("kafka: stopped");
    }

    /** Starts the broker again (same log dirs) and waits until it answers. */
    public void startKafka() {
        Instant t0 = Instant.now();
        if (!kafka.process().isAlive()) {
            launch(kafka::start);
            recordChildPids();
        }
        await("kafka", kafka.process(), config.kafkaStartTimeout(), kafka::healthy,
                "AdminClient describeCluster on " + kafka.bootstrapServers());
        startTimes.put("kafka", Duration.between(t0, Instant.now()));
        Log.info("kafka: healthy after %s", seconds(startTimes.get("kafka")));
    }

    public boolean isKafkaRunning() {
        return kafka.process().isAlive();
    }

    /** SMTP and IMAP go down (connections refused); the inbox page stays up and keeps the mails received so far. */
    public void stopMail() {
        mail.stopSmtp();
        Log.info("mail: SMTP/IMAP stopped");
    }

    public void startMail() {
        mail.startSmtp();
    }

    public boolean isMailRunning() {
        return mail.smtpRunning();
    }

    // ---- where things are ---------------------------------------------------------------------------------------

    public StackConfig config() {
        return config;
    }

    public String gatewayUrl() {
        return "http://localhost:" + config.servicePort("gateway");
    }

    public String keycloakUrl() {
        return keycloak.url();
    }

    public String keycloakAdminConsoleUrl() {
        return keycloak.url() + "/admin/";
    }

    /** {@code http://localhost:8180/realms/laborcloud}, the issuer of the tokens. */
    public String keycloakIssuerUrl() {
        return keycloak.url() + "/realms/" + KeycloakServer.REALM;
    }

    public String keycloakRealm() {
        return KeycloakServer.REALM;
    }

    public String inboxUrl() {
        return mail.inboxUrl();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /**
     * Bootstrap servers and SASL/SCRAM settings of a Kafka client that authenticates as {@code principal}:
     * {@link #KAFKA_ADMIN}, or a service's own principal (its name). Anything that talks to Kafka directly uses
     * these; the broker refuses a client without credentials.
     */
    public Map<String, Object> kafkaClientProperties(String principal) {
        return kafka.clientProperties(principal);
    }

    public String mongoUri() {
        return mongo.uri();
    }

    public String smtpHost() {
        return "127.0.0.1";
    }

    public int smtpPort() {
        return config.smtpPort();
    }

    public int imapPort() {
        return config.imapPort();
    }

    /** The base URL of a service's first instance, or of the named instance ({@code document-service-2}). */
    public String serviceUrl(String name) {
        return "http://127.0.0.1:" + config.instancePort(name);
    }

    /** The base URLs of every instance of a service, comma-separated (what the gateway balances between). */
    public String serviceUrls(String service) {
        return String.join(",", config.instances(service).stream().map(this::serviceUrl).toList());
    }

    public String serviceHealthUrl(String name) {
        return serviceUrl(name) + "/actuator/health";
    }

    public Path logDir() {
        return config.dataDir().resolve("logs");
    }

    /** {@code <dataDir>/logs/<name>.log}; name is a service, "kafka" or "keycloak". */
    public Path logFile(String name) {
        return logDir().resolve(name + ".log");
    }

    /** The mails received since start (oldest first), also across {@link #stopMail()}/{@link #startMail()}. */
    public List<MailMessage> mailMessages() {
        return mail.messages();
    }

    public void clearMail() {
        mail.clear();
    }

    /** From the call of {@link #start} until every started part was healthy. */
    public Duration startupTime() {
        return startupTime;
    }

    /** The last start time of each part ("kafka", "keycloak", service names) until it was healthy. */
    public Map<String, Duration> startTimes() {
        return Map.copyOf(startTimes);
    }

    /** Process ids of every live child process (including Keycloak's JVM under kc.sh). */
    public List<Long> childPids() {
        return allChildren().stream().flatMap(p -> p.tree().stream()).map(ProcessHandle::pid).toList();
    }

    /** Resident memory (VmRSS) of each part in MB; "launcher" is this JVM (with the MongoDB-wire store and mail). */
    public Map<String, Long> memoryByPartMegabytes() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("launcher", ChildProcess.rssKb(ProcessHandle.current().pid()) / 1024);
        for (ChildProcess p : allChildren()) {
            long kb = p.rssKb();
            if (kb > 0) {
                out.put(p.name(), kb / 1024);
            }
        }
        return out;
    }

    /** Sum of VmRSS of this JVM and every child process, in MB. */
    public long memoryMegabytes() {
        return memoryByPartMegabytes().values().stream().mapToLong(Long::longValue).sum();
    }

    /** The program arguments every service gets (before its extra ones from the config). */
    public List<String> serviceArguments(String name) {
        StackConfig c = config;
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + c.instancePort(name),
                "--laborcloud.kafka.brokers=" + kafka.bootstrapServers(),
                "--laborcloud.mongodb.uri=" + mongo.uri(),
                "--laborcloud.keycloak.url=" + keycloak.url(),
                "--laborcloud.mail.host=127.0.0.1",
                "--laborcloud.mail.port=" + c.smtpPort(),
                "--laborcloud.gateway.url=" + gatewayUrl(),
                "--laborcloud.services.registration=" + serviceUrls("registration-service"),
                "--laborcloud.services.document=" + serviceUrls("document-service"),
                "--laborcloud.services.review=" + serviceUrls("review-service"),
                "--laborcloud.services.notification=" + serviceUrls("notification-service"),
                "--laborcloud.services.union-affairs=" + serviceUrls("union-affairs-service"),
                "--laborcloud.services.ops-console=" + serviceUrls("ops-console")));
        // the service's own Kafka principal (every instance of it the same) and, with --prod, the secrets it reads:
        // from owner-readable files, so that no secret shows in the process list or in a log of command lines
        List<String> imports = new ArrayList<>();
        kafka.credentialsFile(StackConfig.serviceOf(name)).ifPresent(file -> imports.add("file:" + file));
        if (secrets != null) {
            args.add("--spring.profiles.active=prod");
            secrets.fileFor(StackConfig.serviceOf(name)).ifPresent(file -> imports.add("file:" + file));
        }
        if (!imports.isEmpty()) {
            args.add("--spring.config.import=" + String.join(",", imports));
        }
        if (StackConfig.serviceOf(name).equals("ops-console")) {
            // the console polls the health endpoints of the service instances this stack runs (monitoring only)
            for (String watched : c.allInstances()) {
                if (!watched.equals(name)) {
                    args.add("--laborcloud.ops.services." + watched + "=" + serviceUrl(watched));
                }
            }
        }
        args.addAll(c.extraArgs(name));
        return args;
    }

    /** A demo user of the realm file (local use only). */
    public record DemoAccount(String username, String password, List<String> roles, String email) {
    }

    /** The users with a password in {@code keycloak/laborcloud-realm.json}. */
    public static List<DemoAccount> demoAccounts() {
        try (InputStream in = LocalStack.class.getClassLoader().getResourceAsStream(KeycloakServer.REALM_RESOURCE)) {
            if (in == null) {
                return List.of();
            }
            JsonNode realm = JsonMapper.builder().build().readTree(in);
            List<DemoAccount> out = new ArrayList<>();
            for (JsonNode user : realm.path("users")) {
                for (JsonNode credential : user.path("credentials")) {
                    if ("password".equals(credential.path("type").asString()) && credential.has("value")) {
                        List<String> roles = new ArrayList<>();
                        for (JsonNode role : user.path("realmRoles")) {
                            if (!role.asString().startsWith("default-roles-")) {
                                roles.add(role.asString());
                            }
                        }
                        out.add(new DemoAccount(user.path("username").asString(),
                                credential.path("value").asString(), List.copyOf(roles),
                                user.path("email").asString()));
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What ./run prints once everything is up. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        sb.append(nl).append("Labour cloud local stack is up");
        if (secrets != null) {
            sb.append(" (production-like: the prod profile, the production realm, generated secrets)");
        }
        if (config.replicas() > 1) {
            sb.append(String.format(" with %d instances of every service (the gateway balances between them;"
                    + " instance k on the service's port + 10 × (k − 1))", config.replicas()));
        }
        sb.append(nl).append(nl);
        if (config.startServices() && config.services().contains("gateway")) {
            sb.append(String.format("  %-22s %s%n", "Gateway (web UI)", gatewayUrl()));
            sb.append(String.format("  %-22s %s   (unions: register, status, portal, 工會會務申請或備查)%n", "Union pages",
                    gatewayUrl() + "/register/index.html"));
            sb.append(String.format("  %-22s %s   (roles reviewer / approver; staff login page)%n", "Officers' workspace",
                    gatewayUrl() + "/review/"));
        }
        if (config.startServices() && config.services().contains("ops-console")) {
            sb.append(String.format("  %-22s %s   (role ops; %s directly with a bearer token)%n", "Ops console",
                    gatewayUrl() + "/ops/", serviceUrl("ops-console") + "/ops/"));
        }
        sb.append(String.format("  %-22s %s   admin console %s (%s)%n", "Keycloak", keycloakUrl(),
                keycloakAdminConsoleUrl(), secrets == null ? "admin / admin, dev only"
                        : "admin / " + StackSecrets.KEYCLOAK_ADMIN_PASSWORD + " of " + secrets.file()));
        sb.append(String.format("  %-22s %s   (SMTP %s:%d, IMAP %s:%d)%n", "Mail inbox", inboxUrl(), smtpHost(),
                smtpPort(), smtpHost(), imapPort()));
        sb.append(String.format("  %-22s %s%n", "Kafka", kafkaBootstrapServers()));
        sb.append(String.format("  %-22s %s   (mongo-java-server + H2 file; stands in for MongoDB)%n",
                "MongoDB wire protocol", mongoUri()));
        if (config.startServices() && config.services().contains("document-service")) {
            sb.append(String.format("  %-22s %s%n", "Certificate reading", TextRecognition.installed()
                    ? "Tesseract (chi_tra): uploaded registration certificates are read and compared with the form"
                    : "OFF: Tesseract with its Traditional Chinese model is not installed; case pages say 未判讀."
                            + " Install: apt-get install " + TextRecognition.PACKAGES));
        }
        if (config.startServices()) {
            sb.append(nl).append("  Service health:").append(nl);
            for (String name : config.allInstances()) {
                sb.append(String.format("    %-22s %s%n", name, serviceHealthUrl(name)));
            }
        }
        if (secrets == null) {
            sb.append(nl).append("  Demo accounts (realm ").append(KeycloakServer.REALM).append(", local use only):")
                    .append(nl);
            for (DemoAccount a : demoAccounts()) {
                sb.append(String.format("    %-10s / %-16s %s%n", a.username(), a.password(),
                        String.join(", ", a.roles())));
            }
        } else {
            sb.append(nl).append("  No demo accounts: create officers (realm roles reviewer, approver, ops) in the admin")
                    .append(" console; the stack's secrets are in ").append(secrets.file()).append(nl);
        }
        DemoData.summary(config.dataDir()).ifPresent(demo -> {
            sb.append(nl).append(String.format("  Demo data (seeded %s; an empty data folder gets it, --no-demo skips"
                    + " it): %d unions in the register, applications %s%n", demo.seededAt().truncatedTo(
                            java.time.temporal.ChronoUnit.SECONDS), demo.registered(), demo.counts()));
            sb.append(String.format("  Demo unions (log in at %s with the certificate number and password):%n",
                    gatewayUrl() + "/portal/"));
            for (DemoData.Account a : demo.accounts()) {
                sb.append(String.format("    %-10s / %-16s %s%n", a.certificateNo(), a.password(), a.unionName()));
            }
        });
        sb.append(nl).append(String.format("  Started in %s. Memory (VmRSS): %d MB total — ", seconds(startupTime),
                memoryMegabytes()));
        List<String> parts = new ArrayList<>();
        memoryByPartMegabytes().forEach((part, mb) -> parts.add(part + " " + mb));
        sb.append(String.join(", ", parts)).append(nl);
        sb.append("  Data and logs: ").append(config.dataDir()).append(" (logs/<part>.log)").append(nl);
        return sb.toString();
    }

    // ---- ./run --------------------------------------------------------------------------------------------------

    /**
     * {@code ./run}: {@code --data <dir>} (default .data), {@code --repo <dir>} (default .), {@code --kc-home <dir>},
     * {@code --infra-only} (no services). Blocks until Ctrl-C.
     */
    public static void main(String[] args) {
        setDefaultLogLevels();
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
                    System.out.println("usage: ./run [--no-build] [--no-demo] [--infra-only] [--replicas N] [--prod] [--data DIR]"
                            + " [--repo DIR] [--kc-home DIR]");
                    return;
                }
                default -> {
                    System.err.println("unknown argument: " + args[i]
                            + " (usage: ./run [--no-build] [--no-demo] [--infra-only] [--replicas N] [--prod] [--data DIR]"
                            + " [--repo DIR] [--kc-home DIR])");
                    System.exit(2);
                }
            }
        }
        StackConfig config = builder.build();
        // demo data only on an empty data folder, in development, with every service
        boolean seed = demo && !config.prod() && config.startServices()
                && config.services().containsAll(SERVICES) && DemoData.wanted(config.dataDir());
        LocalStack stack;
        try {
            stack = start(config, true, seed ? DemoData.SEEDING_ARGS : Map.of());
            if (seed) {
                stack.seedDemoData();
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
    private void seedDemoData() {
        Log.info("demo data: seeding an empty data folder through the public APIs (./run --no-demo skips it)");
        try {
            DemoData.seed(this, config.dataDir());
        } catch (RuntimeException e) {
            Log.info("demo data: stopped, the stack stays up without all of it: %s", e.getMessage());
        } finally {
            Log.info("demo data: restarting registration-service without the seeding's fixed captcha");
            endTemporaryServiceArgs();
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

    /** The launcher's own console shows progress, not the Kafka client's and GreenMail's INFO chatter. */
    private static void setDefaultLogLevels() {
        Map<String, String> defaults = Map.of(
                "org.slf4j.simpleLogger.log.org.apache.kafka", "error",
                "org.slf4j.simpleLogger.log.com.icegreen", "warn",
                // mongo-java-server warns for every non-unique index it does not build: known, not actionable
                "org.slf4j.simpleLogger.log.de.bwaldvogel", "error",
                // ...and logs every refused write with its stack trace, e.g. each time an instance finds a
                // scheduled job's lock (ShedLock) held by the other: the client gets the error and decides
                "org.slf4j.simpleLogger.log.de.bwaldvogel.mongo.wire.MongoWireProtocolHandler", "off",
                "org.slf4j.simpleLogger.log.io.netty", "warn");
        defaults.forEach((k, v) -> {
            if (System.getProperty(k) == null) {
                System.setProperty(k, v);
            }
        });
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * An instance's process, from the layout of its service's current build ({@link ServiceLayout}); made at the
     * instance's first start, so its restarts (a test's crash and recovery) run the same build.
     */
    private ChildProcess newServiceProcess(String name) {
        String service = StackConfig.serviceOf(name);
        Path launchJar = ServiceLayout.prepare(serviceJar(service), config.dataDir().resolve("run"), service);
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms64m", "-Xmx320m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", launchJar.toString()));
        command.addAll(serviceArguments(name));
        command.addAll(temporaryArgs.getOrDefault(service, List.of()));
        return new ChildProcess(name, command, Map.of(), n -> false, config.dataDir().resolve("work").resolve(name),
                logFile(name));
    }

    /** {@code <repoRoot>/<module>/target/<module>-0.1.0-SNAPSHOT-exec.jar} (or the newest {@code *-exec.jar}). */
    private Path serviceJar(String name) {
        Path target = config.repoRoot().resolve(name).resolve("target");
        Path expected = target.resolve(name + "-" + PROJECT_VERSION + "-exec.jar");
        if (Files.isRegularFile(expected)) {
            return expected;
        }
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                Optional<Path> any = files
                        .filter(f -> f.getFileName().toString().startsWith(name + "-")
                                && f.getFileName().toString().endsWith("-exec.jar"))
                        .max(Comparator.comparing(f -> f.toFile().lastModified()));
                if (any.isPresent()) {
                    return any.get();
                }
            } catch (IOException ignored) {
                // reported below
            }
        }
        throw new StackException("no runnable jar for " + name + ": expected " + expected
                + "; build it first with `./mvnw -DskipTests install` (./run does that)");
    }

    private void launch(Runnable starter) {
        synchronized (lifecycle) {
            if (stopping) {
                throw new StackException("the stack is stopping");
            }
            starter.run();
        }
    }

    private void await(String what, ChildProcess process, Duration timeout, BooleanSupplier healthy, String probe) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (stopping) {
                throw new StackException("the stack is stopping; stopped waiting for " + what);
            }
            if (healthy.getAsBoolean()) {
                return;
            }
            if (!process.isAlive()) {
                throw new StackException(what + " exited (code " + process.exitCode() + ") before it was healthy; "
                        + "last " + LOG_TAIL_LINES + " lines of " + process.logFile() + ":\n"
                        + process.tail(LOG_TAIL_LINES));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StackException(what + " was not healthy within " + timeout.toSeconds() + " s (" + probe
                        + "); last " + LOG_TAIL_LINES + " lines of " + process.logFile() + ":\n"
                        + process.tail(LOG_TAIL_LINES));
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for " + what, e);
            }
        }
    }

    private boolean httpOk(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void checkPorts() {
        Map<Integer, String> needed = new LinkedHashMap<>();
        needed.put(config.kafkaPort(), "Kafka");
        needed.put(config.kafkaControllerPort(), "Kafka (KRaft controller)");
        needed.put(config.mongoPort(), "the MongoDB-wire store");
        needed.put(config.smtpPort(), "GreenMail SMTP");
        needed.put(config.imapPort(), "GreenMail IMAP");
        needed.put(config.inboxPort(), "the mail inbox page");
        needed.put(config.keycloakPort(), "Keycloak");
        if (config.startServices()) {
            for (String name : config.allInstances()) {
                needed.put(config.instancePort(name), name);
            }
        }
        needed.forEach((port, part) -> {
            if (!portFree(port)) {
                throw new StackException.PortInUse(port, part);
            }
        });
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private List<ChildProcess> allChildren() {
        List<ChildProcess> all = new ArrayList<>(services.values());
        all.add(keycloak.process());
        all.add(kafka.process());
        return all;
    }

    private Path pidsFile() {
        return config.dataDir().resolve("run").resolve("children.pids");
    }

    /** Remembers child pids so that a later run can end them if this launcher is killed with SIGKILL. */
    private synchronized void recordChildPids() {
        List<String> lines = childPids().stream().map(String::valueOf).toList();
        try {
            Files.write(pidsFile(), lines, StandardCharsets.UTF_8);
        } catch (IOException ignored) {
            // only a safety net
        }
    }

    private void killLeftoversOfEarlierRun() {
        Path file = pidsFile();
        if (!Files.exists(file)) {
            return;
        }
        String marker = config.dataDir().toString();
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

    private void registerShutdownHook() {
        shutdownHook = new Thread(this::stop, "local-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
