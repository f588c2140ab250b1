package tw.laborcloud.infra;

import java.util.List;

/**
 * A service of the stack, declared once: its module (which names its jar, its log and its instances), the key the
 * gateway and the ops console know it by ({@code laborcloud.services.<key>}; none for the gateway itself), its
 * port (a second instance takes the port + 10), and the secrets of a production-like stack it reads. Everything
 * else the launcher does with a service (the start order, the ports it checks, the addresses each service gets,
 * the secret files it writes) is derived from {@link #ALL}.
 *
 * @param name    the Maven module, e.g. {@code registration-service}
 * @param key     the name in {@code laborcloud.services.<key>}, or null for the gateway
 * @param port    the first instance's port
 * @param secrets the {@link StackSecrets} names it reads under {@code --prod}
 * @param jit     the JIT compilers its JVM runs with ({@link Jit})
 */
public record StackService(String name, String key, int port, List<String> secrets, Jit jit) {

    /**
     * A service JVM's JIT. {@link #QUICK}: C1 only ({@code -XX:TieredStopAtLevel=1}), which starts the stack's ten
     * JVMs on two cores about a third faster and with less memory, and serves the services' ordinary requests as
     * fast. {@link #FULL}: C1 then C2, for a service whose hot path needs C2's intrinsics: registration-service
     * hashes each new union's password (PBKDF2-HMAC-SHA512, 210,000 rounds), about 175 ms of one core with C2's
     * SHA-512 intrinsic and about 1.4 s without it (docs/benchmarks.md, P1).
     */
    public enum Jit {
        QUICK(List.of("-XX:TieredStopAtLevel=1")), FULL(List.of());

        private final List<String> jvmOptions;

        Jit(List<String> jvmOptions) {
            this.jvmOptions = jvmOptions;
        }

        public List<String> jvmOptions() {
            return jvmOptions;
        }
    }

    /**
     * Every service, in start order: at most two at a time, the gateway last (it routes to the others), the ops
     * console just before it.
     */
    public static final List<StackService> ALL = List.of(
            new StackService("registration-service", "registration", 8081,
                    List.of(StackSecrets.UPLOAD_TICKET, StackSecrets.KEYCLOAK_ADMIN_CLIENT), Jit.FULL),
            new StackService("document-service", "document", 8082, List.of(StackSecrets.UPLOAD_TICKET), Jit.QUICK),
            new StackService("review-service", "review", 8083, List.of(), Jit.QUICK),
            new StackService("notification-service", "notification", 8084, List.of(), Jit.QUICK),
            new StackService("union-affairs-service", "union-affairs", 8085, List.of(StackSecrets.UPLOAD_TICKET),
                    Jit.QUICK),
            new StackService("ops-console", "ops-console", 8086, List.of(), Jit.QUICK),
            new StackService("gateway", null, 8080, List.of(StackSecrets.GATEWAY_CLIENT, StackSecrets.REVIEW_CLIENT),
                    Jit.QUICK));

    public StackService {
        secrets = List.copyOf(secrets);
    }

    /** The modules of {@link #ALL}, in start order. */
    public static List<String> names() {
        return ALL.stream().map(StackService::name).toList();
    }

    /** The service of that module; an unknown name is refused with the known ones. */
    public static StackService named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown service '" + name + "'; known: " + names()));
    }
}
