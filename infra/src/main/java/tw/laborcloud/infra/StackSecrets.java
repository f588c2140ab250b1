package tw.laborcloud.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The secrets of a production-like local stack ({@code ./run --prod}): made at its first start from a secure random
 * source, kept owner-readable in {@code <dataDir>/secrets/prod.properties} so that a restart finds the realm Keycloak
 * imported with them, and handed to each service in a file of its own with only what it reads (never on a command
 * line, where the process list would show it). None of them is a value of the repository, so the services' prod
 * profile accepts them.
 */
final class StackSecrets {

    static final String UPLOAD_TICKET = "LABORCLOUD_UPLOAD_TICKET_SECRET";
    static final String GATEWAY_CLIENT = "LABORCLOUD_GATEWAY_CLIENT_SECRET";
    static final String REVIEW_CLIENT = "LABORCLOUD_REVIEW_CLIENT_SECRET";
    static final String KEYCLOAK_ADMIN_CLIENT = "LABORCLOUD_KEYCLOAK_ADMIN_SECRET";
    static final String SMTP_PASSWORD = "LABORCLOUD_SMTP_PASSWORD";
    /** The bootstrap admin of Keycloak's master realm (user admin): how an operator creates the first officers. */
    static final String KEYCLOAK_ADMIN_PASSWORD = "KEYCLOAK_ADMIN_PASSWORD";
    private static final List<String> ALL = List.of(UPLOAD_TICKET, GATEWAY_CLIENT, REVIEW_CLIENT, KEYCLOAK_ADMIN_CLIENT,
            SMTP_PASSWORD, KEYCLOAK_ADMIN_PASSWORD);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final Map<String, String> values;

    private StackSecrets(Path dir, Map<String, String> values) {
        this.dir = dir;
        this.values = values;
    }

    /** The secrets of this data folder: read back, or made and written at the first start. */
    static StackSecrets of(Path dataDir) {
        Path dir = dataDir.resolve("secrets");
        Path file = dir.resolve("prod.properties");
        try {
            Map<String, String> values = new LinkedHashMap<>();
            if (Files.exists(file)) {
                Properties stored = new Properties();
                try (InputStream in = Files.newInputStream(file)) {
                    stored.load(in);
                }
                stored.forEach((k, v) -> values.put(k.toString(), v.toString()));
            }
            boolean made = false;
            for (String name : ALL) {
                if (!values.containsKey(name)) {
                    values.put(name, random());
                    made = true;
                }
            }
            if (made) {
                Files.createDirectories(dir);
                StringBuilder content = new StringBuilder("# the secrets of ./run --prod, made at its first start;"
                        + " delete the data folder to have new ones\n");
                values.forEach((k, v) -> content.append(k).append('=').append(v).append('\n'));
                KafkaBroker.writeSecret(file, content.toString());
            }
            return new StackSecrets(dir, Map.copyOf(values));
        } catch (IOException e) {
            throw new StackException("cannot keep the secrets in " + file + ": " + e.getMessage(), e);
        }
    }

    String get(String name) {
        return values.get(name);
    }

    Path file() {
        return dir.resolve("prod.properties");
    }

    /** The file of what one service reads (placeholders resolve from it), or none when it reads none of them. */
    java.util.Optional<Path> fileFor(String service) {
        List<String> names = StackService.named(service).secrets();
        if (names.isEmpty()) {
            return java.util.Optional.empty();
        }
        Path file = dir.resolve(service + ".properties");
        StringBuilder content = new StringBuilder("# what " + service + " reads of the stack's secrets (./run --prod)\n");
        names.forEach(name -> content.append(name).append('=').append(values.get(name)).append('\n'));
        try {
            KafkaBroker.writeSecret(file, content.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return java.util.Optional.of(file);
    }

    /** 32 random bytes, base64url: letters, digits, '-' and '_' (nothing a JAAS or URL quoting needs to escape). */
    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
