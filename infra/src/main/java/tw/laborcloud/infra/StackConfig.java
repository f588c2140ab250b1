package tw.laborcloud.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link LocalStack} starts and where. Build one with {@link #builder()}; {@link #defaults()} is what
 * {@code ./run} uses. Ports are fixed on purpose (the Keycloak realm's redirect URIs name
 * {@code http://localhost:8080}); change them only for a part that is not started.
 *
 * @param dataDir             everything the stack writes: Kafka logs, the MongoDB-wire store, Keycloak's H2 database,
 *                            service jar copies, process logs ({@code <dataDir>/logs/<part>.log}), the run lock
 * @param repoRoot            the project's root; service jars are read from {@code <repoRoot>/<module>/target/}
 * @param kcHome              the unpacked Keycloak distribution ({@code ./mvnw -pl infra package} unpacks it)
 * @param startServices       false starts only Kafka, the MongoDB-wire store, mail and Keycloak
 * @param services            which services {@code startServices} starts (in {@link StackService#ALL} order,
 *                            gateway last)
 * @param extraServiceArgs    extra program arguments per service name, appended after the standard ones
 *                            (later Spring Boot arguments win, so these can override); every instance gets them
 * @param replicas            instances of each started service (1 to {@link #MAX_REPLICAS}); instance k &gt; 1 is
 *                            named {@code <service>-k} and listens on the service's port + 10 × (k − 1)
 * @param prod                the services under the {@code prod} profile against infrastructure made
 *                            production-like: the production realm (no demo users, no password grants) with secrets
 *                            generated at the first start ({@link StackSecrets}), no fixed captcha
 */
public record StackConfig(
        Path dataDir,
        Path repoRoot,
        Path kcHome,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int smtpPort,
        int imapPort,
        int inboxPort,
        int keycloakPort,
        Map<String, Integer> servicePorts,
        boolean startServices,
        List<String> services,
        Map<String, List<String>> extraServiceArgs,
        int replicas,
        Duration kafkaStartTimeout,
        Duration keycloakStartTimeout,
        Duration serviceStartTimeout,
        Duration stopTimeout,
        boolean prod) {

    public static final String KEYCLOAK_VERSION = "26.7.3";

    /**
     * Every topic has 3 partitions (the binder's {@code min-partition-count}), and a consumer group shares a topic's
     * partitions among its members: more instances of a service than partitions would leave the extra ones idle.
     * The rule: partitions &gt;= the largest number of instances of one consuming service.
     */
    public static final int MAX_REPLICAS = 3;

    /** Service name to its fixed port, in start order (gateway last). */
    public static final Map<String, Integer> DEFAULT_SERVICE_PORTS = defaultServicePorts();

    public StackConfig {
        dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
        repoRoot = Objects.requireNonNull(repoRoot, "repoRoot").toAbsolutePath().normalize();
        kcHome = Objects.requireNonNull(kcHome, "kcHome").toAbsolutePath().normalize();
        servicePorts = Map.copyOf(servicePorts);
        for (String name : StackService.names()) {
            if (!servicePorts.containsKey(name)) {
                throw new IllegalArgumentException("no port for service " + name);
            }
        }
        services = List.copyOf(services);
        for (String name : services) {
            requireKnownService(name);
        }
        Map<String, List<String>> extras = new LinkedHashMap<>();
        extraServiceArgs.forEach((name, args) -> extras.put(requireKnownService(name), List.copyOf(args)));
        extraServiceArgs = Map.copyOf(extras);
        if (replicas < 1 || replicas > MAX_REPLICAS) {
            throw new IllegalArgumentException("replicas must be 1 to " + MAX_REPLICAS
                    + " (each topic has 3 partitions; a fourth instance of a service would get none)");
        }
        Objects.requireNonNull(kafkaStartTimeout);
        Objects.requireNonNull(keycloakStartTimeout);
        Objects.requireNonNull(serviceStartTimeout);
        Objects.requireNonNull(stopTimeout);
    }

    /** The configuration of {@code ./run}: data in {@code .data}, repository in {@code .}, every part started. */
    public static StackConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.dataDir = dataDir;
        b.repoRoot = repoRoot;
        b.kcHome = kcHome;
        b.kafkaPort = kafkaPort;
        b.kafkaControllerPort = kafkaControllerPort;
        b.mongoPort = mongoPort;
        b.smtpPort = smtpPort;
        b.imapPort = imapPort;
        b.inboxPort = inboxPort;
        b.keycloakPort = keycloakPort;
        b.servicePorts = new LinkedHashMap<>(servicePorts);
        b.startServices = startServices;
        b.services = new ArrayList<>(services);
        b.extraServiceArgs = new LinkedHashMap<>(extraServiceArgs);
        b.replicas = replicas;
        b.kafkaStartTimeout = kafkaStartTimeout;
        b.keycloakStartTimeout = keycloakStartTimeout;
        b.serviceStartTimeout = serviceStartTimeout;
        b.stopTimeout = stopTimeout;
        b.prod = prod;
        return b;
    }

    public int servicePort(String service) {
        return servicePorts.get(requireKnownService(service));
    }

    public List<String> extraArgs(String service) {
        return extraServiceArgs.getOrDefault(requireKnownService(serviceOf(service)), List.of());
    }

    /** The instances of a service: {@code [name]} with one replica, {@code [name, name-2, ...]} with more. */
    public List<String> instances(String service) {
        requireKnownService(service);
        List<String> out = new ArrayList<>();
        out.add(service);
        for (int k = 2; k <= replicas; k++) {
            out.add(service + "-" + k);
        }
        return List.copyOf(out);
    }

    /** Every instance of every started service, in start order. */
    public List<String> allInstances() {
        return services.stream().flatMap(s -> instances(s).stream()).toList();
    }

    /** The port of an instance: the service's port, + 10 for its second instance, + 20 for its third. */
    public int instancePort(String instance) {
        return servicePort(serviceOf(instance)) + 10 * (instanceNumber(instance) - 1);
    }

    /** {@code registration-service-2} → {@code registration-service}; a service's own name stays as it is. */
    public static String serviceOf(String instance) {
        if (StackService.names().contains(instance)) {
            return instance;
        }
        int dash = instance.lastIndexOf('-');
        if (dash > 0 && instance.substring(dash + 1).matches("[2-9]")
                && StackService.names().contains(instance.substring(0, dash))) {
            return instance.substring(0, dash);
        }
        throw new IllegalArgumentException("unknown service instance '" + instance + "'; known services: "
                + StackService.names() + " (second instance: <service>-2)");
    }

    static int instanceNumber(String instance) {
        return StackService.names().contains(instance) ? 1 : Integer.parseInt(instance.substring(instance.lastIndexOf('-') + 1));
    }

    /** {@code ~/.cache/laborcloud/keycloak-26.7.3}, or the {@code laborcloud.keycloak.home} system property. */
    public static Path defaultKcHome() {
        String configured = System.getProperty("laborcloud.keycloak.home");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "laborcloud", "keycloak-" + KEYCLOAK_VERSION);
    }

    static String requireKnownService(String name) {
        if (!StackService.names().contains(name)) {
            throw new IllegalArgumentException("unknown service '" + name + "'; known: " + StackService.names());
        }
        return name;
    }

    private static Map<String, Integer> defaultServicePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        StackService.ALL.forEach(service -> ports.put(service.name(), service.port()));
        return java.util.Collections.unmodifiableMap(ports);
    }

    public static final class Builder {
        private Path dataDir = Path.of(".data");
        private Path repoRoot = Path.of(".");
        private Path kcHome = defaultKcHome();
        private int kafkaPort = 9092;
        private int kafkaControllerPort = 9093;
        private int mongoPort = 27017;
        private int smtpPort = 3025;
        private int imapPort = 3143;
        private int inboxPort = 8025;
        private int keycloakPort = 8180;
        private Map<String, Integer> servicePorts = new LinkedHashMap<>(DEFAULT_SERVICE_PORTS);
        private boolean startServices = true;
        private List<String> services = new ArrayList<>(StackService.names());
        private Map<String, List<String>> extraServiceArgs = new LinkedHashMap<>();
        private int replicas = 1;
        private boolean prod;
        private Duration kafkaStartTimeout = Duration.ofSeconds(60);
        private Duration keycloakStartTimeout = Duration.ofSeconds(240);
        private Duration serviceStartTimeout = Duration.ofSeconds(120);
        private Duration stopTimeout = Duration.ofSeconds(20);

        private Builder() {
        }

        public Builder dataDir(Path dataDir) { this.dataDir = dataDir; return this; }

        public Builder repoRoot(Path repoRoot) { this.repoRoot = repoRoot; return this; }

        public Builder kcHome(Path kcHome) { this.kcHome = kcHome; return this; }

        public Builder kafkaPort(int port) { this.kafkaPort = port; return this; }

        public Builder kafkaControllerPort(int port) { this.kafkaControllerPort = port; return this; }

        public Builder mongoPort(int port) { this.mongoPort = port; return this; }

        public Builder smtpPort(int port) { this.smtpPort = port; return this; }

        public Builder imapPort(int port) { this.imapPort = port; return this; }

        public Builder inboxPort(int port) { this.inboxPort = port; return this; }

        public Builder keycloakPort(int port) { this.keycloakPort = port; return this; }

        public Builder servicePort(String service, int port) {
            servicePorts.put(requireKnownService(service), port);
            return this;
        }

        /** False: start only the infrastructure (Kafka, MongoDB-wire store, mail, Keycloak). */
        public Builder startServices(boolean startServices) { this.startServices = startServices; return this; }

        /** Start only these services (and none of the others); they still start in the standard order. */
        public Builder services(String... names) {
            this.services = new ArrayList<>(Arrays.asList(names));
            return this;
        }

        /** Extra program arguments for one service, e.g. {@code --laborcloud.some.fault=true}. */
        public Builder extraServiceArgs(String service, List<String> args) {
            extraServiceArgs.put(requireKnownService(service), List.copyOf(args));
            return this;
        }

        public Builder extraServiceArgs(String service, String... args) {
            return extraServiceArgs(service, Arrays.asList(args));
        }

        public Builder extraServiceArgs(Map<String, List<String>> extra) {
            extra.forEach(this::extraServiceArgs);
            return this;
        }

        /** Instances of each service (1 to {@link #MAX_REPLICAS}). */
        public Builder replicas(int replicas) { this.replicas = replicas; return this; }

        public Builder kafkaStartTimeout(Duration timeout) { this.kafkaStartTimeout = timeout; return this; }

        public Builder keycloakStartTimeout(Duration timeout) { this.keycloakStartTimeout = timeout; return this; }

        public Builder serviceStartTimeout(Duration timeout) { this.serviceStartTimeout = timeout; return this; }

        /** How long a stopped process may take after SIGTERM before it is killed. */
        public Builder stopTimeout(Duration timeout) { this.stopTimeout = timeout; return this; }

        public Builder prod(boolean prod) { this.prod = prod; return this; }

        public StackConfig build() {
            List<String> ordered = StackService.names().stream().filter(services::contains).toList();
            for (String name : services) {
                requireKnownService(name);
            }
            return new StackConfig(dataDir, repoRoot, kcHome, kafkaPort, kafkaControllerPort, mongoPort, smtpPort,
                    imapPort, inboxPort, keycloakPort, servicePorts, startServices, ordered, extraServiceArgs,
                    replicas, kafkaStartTimeout, keycloakStartTimeout, serviceStartTimeout, stopTimeout, prod);
        }
    }
}
