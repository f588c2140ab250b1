package tw.laborcloud.infra;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker (the {@code kafka_2.13} jars on this JVM's class path) in KRaft combined mode
 * (broker + controller, one node), as a child JVM.
 */
final class KafkaBroker {
    private final StackConfig config;
    private final Path home;
    private final Path logDir;
    private final Path properties;
    private final ChildProcess process;

    KafkaBroker(StackConfig config) {
        this.config = config;
        this.home = config.dataDir().resolve("kafka");
        this.logDir = home.resolve("logs");
        this.properties = home.resolve("server.properties");
        List<String> command = new ArrayList<>(javaCommand("-Xmx512m"));
        command.add("kafka.Kafka");
        command.add(properties.toString());
        this.process = new ChildProcess("kafka", command, Map.of(), name -> false, home,
                config.dataDir().resolve("logs").resolve("kafka.log"));
    }

    ChildProcess process() {
        return process;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + config.kafkaPort();
    }

    /** Writes server.properties, formats the storage on first use, starts the broker (does not wait). */
    void start() {
        try {
            Files.createDirectories(logDir);
            Files.writeString(properties, serverProperties(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StackException("cannot prepare " + home + ": " + e.getMessage(), e);
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format();
        }
        process.start();
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

    /** True when the TCP port answers and an AdminClient can describe the cluster. */
    boolean healthy() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", config.kafkaPort()), 1000);
        } catch (IOException e) {
            return false;
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "8000");
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "laborcloud-stack-health");
        try (Admin admin = Admin.create(props)) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(8000))
                    .nodes().get(10, TimeUnit.SECONDS).isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    void stop(Duration grace) {
        process.stop(grace);
    }

    private String serverProperties() {
        String controller = "127.0.0.1:" + config.kafkaControllerPort();
        String plaintext = "127.0.0.1:" + config.kafkaPort();
        return String.join("\n",
                "# generated by tw.laborcloud.infra.LocalStack on each start; edits are overwritten",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + controller,
                "listeners=PLAINTEXT://" + plaintext + ",CONTROLLER://" + controller,
                "advertised.listeners=PLAINTEXT://" + plaintext,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDir,
                "num.partitions=3",
                "auto.create.topics.enable=true",
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

    /** {@code java <heap> -cp <this JVM's class path>}, with an @argfile when the class path is very long. */
    private List<String> javaCommand(String heap) {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(s -> Path.of(s).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(LocalStack.javaExecutable(), heap,
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
