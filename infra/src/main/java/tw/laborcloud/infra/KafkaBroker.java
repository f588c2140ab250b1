package tw.laborcloud.infra;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;

import tw.laborcloud.events.Topics;

/**
 * A real Apache Kafka broker (the {@code kafka_2.13} jars on this JVM's class path) in KRaft combined mode
 * (broker + controller, one node), as a child JVM, that authenticates and authorizes every client.
 *
 * <p>Clients connect to a SASL_PLAINTEXT listener with SCRAM-SHA-512; {@code StandardAuthorizer} with
 * {@code allow.everyone.if.no.acl.found=false} lets each principal do only what {@link KafkaAcls} grants, and the
 * broker's own principal {@value KafkaAcls#ADMIN} is the one super user. Every password (the admin's, one per
 * service, one for ops-console) is generated at random when the launcher starts and exists only in its memory,
 * in the broker's {@code server.properties} and in the principal's credentials file under
 * {@code <dataDir>/kafka/credentials/} (all readable by the owner only), never in the repository.
 *
 * <p>SCRAM credentials live in the cluster metadata, so neither the first one nor a new password for a principal
 * whose old one was forgotten (each launcher generates new ones) can be set through SCRAM. The admin alone may
 * also log in with SASL/PLAIN, against the password in {@code server.properties} (rewritten at each start): the
 * launcher ({@link KafkaProvisioning}) sets every principal's SCRAM password that way, then, as the admin over SCRAM, creates every topic of
 * the table ({@link Topics#ALL}, 3 partitions; dead-letter topics 1, as the binder would) and makes the ACLs
 * exactly {@link KafkaAcls}. The controller listener (loopback only) cannot use SCRAM either (it serves the
 * metadata SCRAM reads): the broker talks to its controller as the admin with SASL/PLAIN too, so no anonymous
 * principal needs to be a super user.
 */
final class KafkaBroker implements ChildPart {
    private static final String CLIENT_LISTENER = "SASL_PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String SCRAM = "SCRAM-SHA-512";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StackConfig config;
    private final Path home;
    private final Path logDir;
    private final Path properties;
    private final Path credentials;
    private final ChildProcess process;
    /** principal to password, new for each launcher; the same across broker restarts within it */
    private final Map<String, String> passwords;
    private volatile boolean provisioned;
    private volatile Instant startedAt = Instant.now();
    private volatile String lastProvisioningError;

    KafkaBroker(StackConfig config) {
        this.config = config;
        this.home = config.dataDir().resolve("kafka");
        this.logDir = home.resolve("logs");
        this.properties = home.resolve("server.properties");
        this.credentials = home.resolve("credentials");
        Map<String, String> generated = new LinkedHashMap<>();
        generated.put(KafkaAcls.ADMIN, newPassword());
        KafkaAcls.servicePrincipals().forEach(p -> generated.put(p, newPassword()));
        this.passwords = Map.copyOf(generated);
        List<String> command = new ArrayList<>(javaCommand("-Xmx512m"));
        command.add("kafka.Kafka");
        command.add(properties.toString());
        this.process = new ChildProcess("kafka", command, Map.of(), name -> false, home,
                config.dataDir().resolve("logs").resolve("kafka.log"));
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public ChildProcess process() {
        return process;
    }

    @Override
    public String probe() {
        return "AdminClient describeCluster on " + bootstrapServers();
    }

    @Override
    public Duration startTimeout() {
        return config.kafkaStartTimeout();
    }

    String bootstrapServers() {
        return "127.0.0.1:" + config.kafkaPort();
    }

    private String controllerAddress() {
        return "127.0.0.1:" + config.kafkaControllerPort();
    }

    /**
     * What a Kafka client needs to connect as this principal ({@value KafkaAcls#ADMIN}, a service, or ops-console):
     * the bootstrap servers and SASL/SCRAM-SHA-512 with the principal's password.
     */
    Map<String, Object> clientProperties(String principal) {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, SCRAM,
                SaslConfigs.SASL_JAAS_CONFIG, jaas("org.apache.kafka.common.security.scram.ScramLoginModule",
                        principal, password(principal), ""));
    }

    /**
     * The file (owner-readable only) with {@code laborcloud.kafka.username} and {@code laborcloud.kafka.password}
     * of this service's principal, for {@code --spring.config.import}; empty for a service without Kafka.
     */
    Optional<Path> credentialsFile(String service) {
        return passwords.containsKey(service) && !service.equals(KafkaAcls.ADMIN)
                ? Optional.of(credentials.resolve(service + ".properties"))
                : Optional.empty();
    }

    private String password(String principal) {
        String password = passwords.get(principal);
        if (password == null) {
            throw new IllegalArgumentException("no Kafka principal " + principal + "; known: " + passwords.keySet());
        }
        return password;
    }

    /**
     * Writes server.properties and the credentials files, formats the storage on first use, starts the broker
     * (does not wait; {@link #healthy(Readiness)} provisions users, topics and ACLs once it answers).
     */
    @Override
    public void start() {
        try {
            Files.createDirectories(logDir);
            writeSecret(properties, serverProperties());
            writeCredentials();
        } catch (IOException e) {
            throw new StackException("cannot prepare " + home + ": " + e.getMessage(), e);
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format();
        }
        provisioned = false;
        startedAt = Instant.now();
        process.start();
    }

    private void writeCredentials() throws IOException {
        Files.createDirectories(credentials);
        for (String principal : passwords.keySet()) {
            Optional<Path> file = credentialsFile(principal);
            if (file.isPresent()) {
                writeSecret(file.get(), String.join("\n",
                        "# the Kafka principal of " + principal + " (SASL/SCRAM-SHA-512), generated by the local stack"
                                + " at each start; read by the service with --spring.config.import",
                        "laborcloud.kafka.username=" + principal,
                        "laborcloud.kafka.password=" + password(principal), ""));
            }
        }
        // for Kafka's command-line tools: --command-config <dataDir>/kafka/credentials/admin-client.properties
        StringBuilder admin = new StringBuilder("# the broker's admin principal (super user), generated at each start\n");
        clientProperties(KafkaAcls.ADMIN).forEach((k, v) -> {
            if (!k.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
                admin.append(k).append('=').append(v).append('\n');
            }
        });
        writeSecret(credentials.resolve("admin-client.properties"), admin.toString());
    }

    /** Written readable by the owner only (where the file system has POSIX permissions). */
    static void writeSecret(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private void format() {
        String clusterId = Uuid.randomUuid().toString();
        List<String> command = new ArrayList<>(javaCommand("-Xmx256m"));
        command.addAll(List.of("kafka.tools.StorageTool", "format", "--ignore-formatted",
                "--cluster-id", clusterId, "--config", properties.toString()));
        Path formatLog = config.dataDir().resolve("logs").resolve("kafka-format.log");
        Log.info("formatting Kafka storage in %s (cluster id %s)", logDir, clusterId);
        try {
            Files.createDirectories(formatLog.getParent());
            Process p = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(formatLog.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new StackException("formatting Kafka storage took longer than 60 s; see " + formatLog);
            }
            if (p.exitValue() != 0) {
                throw new StackException("formatting Kafka storage failed (exit " + p.exitValue() + "):\n"
                        + ChildProcess.tail(formatLog, 40));
            }
        } catch (IOException e) {
            throw new StackException("cannot run kafka.tools.StorageTool: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while formatting Kafka storage", e);
        }
    }

    /**
     * True when the TCP port answers, the principals, topics and ACLs are in place (provisioned on the first call
     * that finds the broker up after each start) and the admin principal can describe the cluster over SCRAM.
     */
    @Override
    public boolean healthy(Readiness readiness) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", config.kafkaPort()), 1000);
        } catch (IOException e) {
            return false;
        }
        try {
            if (!provisioned) {
                new KafkaProvisioning(bootstrapServers(), passwords, this::admin).run();
                provisioned = true;
            }
            try (Admin admin = admin("laborcloud-stack-health")) {
                return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(8000))
                        .nodes().get(10, TimeUnit.SECONDS).isEmpty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            // right after a start the broker may not answer yet, or the new SCRAM credentials may not have
            // reached the broker: the next call tries again. Said once it lasts, so a real fault is not hidden.
            String error = e instanceof ExecutionException && e.getCause() != null ? e.getCause().toString()
                    : e.toString();
            if (!error.equals(lastProvisioningError)
                    && Duration.between(startedAt, Instant.now()).compareTo(Duration.ofSeconds(15)) > 0) {
                lastProvisioningError = error;
                Log.info("kafka: not ready yet (users, topics, ACLs): %s", error);
            }
            return false;
        }
    }

    Admin admin(String clientId) {
        Map<String, Object> props = new LinkedHashMap<>(clientProperties(KafkaAcls.ADMIN));
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        return Admin.create(props);
    }

    @Override
    public void stop(Duration grace) {
        process.stop(grace);
    }

    private String serverProperties() {
        String controller = controllerAddress();
        String clients = bootstrapServers();
        String admin = KafkaAcls.ADMIN;
        String adminPassword = password(admin);
        return String.join("\n",
                "# generated by tw.laborcloud.infra.LocalStack on each start; edits are overwritten",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + controller,
                "listeners=" + CLIENT_LISTENER + "://" + clients + "," + CONTROLLER_LISTENER + "://" + controller,
                "advertised.listeners=" + CLIENT_LISTENER + "://" + clients,
                "controller.listener.names=" + CONTROLLER_LISTENER,
                "inter.broker.listener.name=" + CLIENT_LISTENER,
                "listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT",
                "# clients: SCRAM (credentials in the cluster metadata, set by the launcher at each start);",
                "# PLAIN for the admin alone (this file is its only user list), to set those credentials",
                "listener.name.sasl_plaintext.sasl.enabled.mechanisms=" + SCRAM + ",PLAIN",
                "sasl.mechanism.inter.broker.protocol=" + SCRAM,
                "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config="
                        + jaas("org.apache.kafka.common.security.scram.ScramLoginModule", admin, adminPassword, ""),
                "listener.name.sasl_plaintext.plain.sasl.jaas.config="
                        + "org.apache.kafka.common.security.plain.PlainLoginModule required user_" + admin + "=\""
                        + adminPassword + "\";",
                "# the controller cannot use SCRAM (it serves the metadata SCRAM reads): PLAIN, the admin only",
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config="
                        + jaas("org.apache.kafka.common.security.plain.PlainLoginModule", admin, adminPassword,
                                " user_" + admin + "=\"" + adminPassword + "\""),
                "# nothing is allowed that no ACL allows; the admin (the broker itself, the launcher) may do all",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "allow.everyone.if.no.acl.found=false",
                "super.users=User:" + admin,
                "log.dirs=" + logDir,
                "num.partitions=3",
                "# the launcher creates every topic of the table; no client may create one by asking for it",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "# a small heap needs a small dedupe buffer (the default 128 MB does not fit)",
                "log.cleaner.dedupe.buffer.size=8388608",
                "") ;
    }

    /** A JAAS login module line; passwords are base64url (no quotes or backslashes to escape). */
    static String jaas(String module, String username, String password, String extra) {
        return module + " required username=\"" + username + "\" password=\"" + password + "\"" + extra + ";";
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code java <heap> -cp <this JVM's class path>}, with an @argfile when the class path is very long. */
    private List<String> javaCommand(String heap) {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(s -> Path.of(s).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        // the serial collector: one development broker, where G1's own bookkeeping cost ~45 MB of RSS (docs/benchmarks.md, P5)
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), heap, "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss,SSS",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info",
                "-Dkafka.logs.dir=" + home.resolve("app-logs")));
        if (classPath.length() > 100_000) {
            Path argFile = home.resolve("classpath.args");
            try {
                Files.createDirectories(home);
                Files.writeString(argFile, "-cp \"" + classPath.replace("\\", "\\\\") + "\"\n");
            } catch (IOException e) {
                throw new StackException("cannot write " + argFile, e);
            }
            command.add("@" + argFile);
        } else {
            command.add("-cp");
            command.add(classPath);
        }
        return command;
    }
}
