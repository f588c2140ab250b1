package tw.laborcloud.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;


/**
 * The local stack: a real Kafka broker and a real Keycloak server as child JVMs, a MongoDB-wire store and GreenMail
 * in this JVM, and each service as its own JVM.
 *
 * <p>Two uses: {@code ./run} ({@link StackLauncher}) starts everything, prints the URLs and blocks until Ctrl-C;
 * system tests call {@link #start(StackConfig)} and {@link #stop()}, and inject faults through {@link #faults()}.
 */
public final class LocalStack implements AutoCloseable {

    /** Every service, in start order ({@link StackService#ALL}). */
    public static final List<String> SERVICES = StackService.names();

    /** The Kafka broker's admin principal (super user), for {@link #kafkaClientProperties(String)}. */
    public static final String KAFKA_ADMIN = KafkaAcls.ADMIN;


    private final StackConfig config;
    private final boolean launcher;
    private final KafkaBroker kafka;
    private final KeycloakServer keycloak;
    /** The production-like stack's secrets (./run --prod); null in development. */
    private final StackSecrets secrets;
    private final MongoWireStore mongo;
    private final MailServer mail;
    private final Map<String, Duration> startTimes = new ConcurrentHashMap<>();
    private final Object lifecycle = new Object();
    private final Readiness readiness = new Readiness(() -> this.stopping);
    private final ProcessLedger ledger;
    private final ServiceArguments arguments;
    private final ServiceInstances services;
    private final StackFaults faults;
    private volatile boolean stopping;
    private boolean stopped;
    private volatile boolean launched;
    private RunLock lock;
    private Thread shutdownHook;
    private volatile Duration startupTime = Duration.ZERO;

    private LocalStack(StackConfig config, boolean launcher, Map<String, List<String>> temporaryServiceArgs) {
        this.config = config;
        this.launcher = launcher;
        this.kafka = new KafkaBroker(config);
        this.secrets = config.prod() ? StackSecrets.of(config.dataDir()) : null;
        this.keycloak = new KeycloakServer(config, secrets);
        this.mongo = new MongoWireStore(config);
        this.mail = new MailServer(config);
        this.ledger = new ProcessLedger(config.dataDir());
        this.arguments = new ServiceArguments(this, kafka::credentialsFile);
        this.services = new ServiceInstances(config, readiness, this::serviceArguments, this::launch, startTimes,
                temporaryServiceArgs);
        this.faults = new StackFaults(this, services, kafka, keycloak, mail);
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
        Log.setDefaultLevels();
        LocalStack stack = new LocalStack(config, launcher, temporaryServiceArgs);
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
        ledger.endLeftovers();
        Readiness.checkPortsFree(config);
        keycloak.checkInstalled();
        if (config.startServices()) {
            services.prepare();
        }
        registerShutdownHook();
        launched = true;
        Log.info("starting the local stack in %s", config.dataDir());

        boolean firstKeycloakStart = !keycloak.hasDatabase();
        Instant keycloakT0 = launchChild(keycloak);
        Log.info("keycloak: starting %s (pid %d, %s; log %s)", keycloak.url(), keycloak.process().pid(),
                firstKeycloakStart ? "first start: creates its database, imports the realm"
                        : "database " + keycloak.databaseDir(), keycloak.process().logFile());
        Instant kafkaT0 = launchChild(kafka);
        Log.info("kafka: starting broker %s (pid %d, log %s)", kafka.bootstrapServers(), kafka.process().pid(),
                kafka.process().logFile());

        mongo.start();
        mail.startSmtp();
        mail.startInbox();

        awaitChild(kafka, kafkaT0);
        awaitChild(keycloak, keycloakT0);

        if (config.startServices()) {
            services.startAll();
        }
        startupTime = Duration.between(t0, Instant.now());
        ledger.record(childPids());
        Log.info("stack up after %s, %d MB RSS", Log.seconds(startupTime), memoryMegabytes());
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
            readiness.close();
            if (lock != null) {
                lock.close();
            }
            return;
        }
        Log.info("stopping the local stack (%s)", config.dataDir());
        Duration grace = config.stopTimeout();
        services.stopAll(grace);
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
        readiness.close();
        ledger.clear();
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

    /** Stops, kills and starts again the stack's parts, for the fault tests: {@link StackFaults}. */
    public StackFaults faults() {
        return faults;
    }

    /** Restarts the services that were started with temporary arguments, now without them. */
    void endTemporaryServiceArgs() {
        services.endTemporaryArgs();
    }

    /** The process id of a running service instance, for a test's diagnosis (a thread dump); empty if it is down. */
    public OptionalLong servicePid(String name) {
        return services.pid(name);
    }

    /** Every service instance this stack runs (with one replica: the service names), in start order. */
    public List<String> serviceInstances() {
        return config.startServices() ? config.allInstances() : List.of();
    }

    /** Starts a child part unless it runs (does not wait) and records its pid; when it began. */
    Instant launchChild(ChildPart part) {
        Instant t0 = Instant.now();
        if (!part.process().isAlive()) {
            launch(part::start);
        }
        return t0;
    }

    /** The one wait of every child part: until it is healthy, it exits, or its start timeout passes. */
    void awaitChild(ChildPart part, Instant since) {
        readiness.await(part.name(), part.process(), part.startTimeout(), () -> part.healthy(readiness), part.probe());
        startTimes.put(part.name(), Duration.between(since, Instant.now()));
        ledger.record(childPids());
        Log.info("%s: healthy after %s", part.name(), Log.seconds(startTimes.get(part.name())));
    }

    void stopChild(ChildPart part) {
        part.stop(config.stopTimeout());
        Log.info("%s: stopped", part.name());
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
        return services.healthUrl(name);
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
        return ChildProcess.residentMegabytes(allChildren());
    }

    /** CPU time used so far by each part, as {@link #memoryByPartMegabytes()} names them (for benchmarks). */
    public Map<String, Duration> cpuTimeByPart() {
        return ChildProcess.cpuTimes(allChildren());
    }

    /** Sum of VmRSS of this JVM and every child process, in MB. */
    public long memoryMegabytes() { return memoryByPartMegabytes().values().stream().mapToLong(Long::longValue).sum(); }

    /** The program arguments every service gets (before its extra ones from the config): {@link ServiceArguments}. */
    public List<String> serviceArguments(String name) {
        return arguments.of(name);
    }

    /** What ./run prints once everything is up ({@link StackBanner}). */
    public String describe() {
        return StackBanner.describe(this);
    }

    /** The production-like stack's secrets, or null in development. */
    StackSecrets secrets() {
        return secrets;
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Starts a process unless the stack is stopping, then records the children's pids. */
    private void launch(Runnable starter) {
        synchronized (lifecycle) {
            if (stopping) {
                throw new StackException("the stack is stopping");
            }
            starter.run();
        }
        ledger.record(childPids());
    }

    private List<ChildProcess> allChildren() {
        List<ChildProcess> all = new ArrayList<>(services.processes());
        all.add(keycloak.process());
        all.add(kafka.process());
        return all;
    }

    private void registerShutdownHook() {
        shutdownHook = new Thread(this::stop, "local-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
}
