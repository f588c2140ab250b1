package tw.laborcloud.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The program arguments of a service instance, derived from where the stack's parts answer: its
 * port, Kafka, the MongoDB-wire store, Keycloak, SMTP, the gateway, every other service by the key
 * the gateway's routes use ({@link StackService#key()}), its Kafka principal's credentials and, with
 * {@code --prod}, its secrets (both as files, never on the command line), the instances the ops
 * console watches, then the extra arguments of the configuration.
 */
final class ServiceArguments {
    private final LocalStack stack;
    private final Function<String, Optional<Path>> kafkaCredentials;

    /** @param kafkaCredentials a service's Kafka credentials file, by service name */
    ServiceArguments(LocalStack stack, Function<String, Optional<Path>> kafkaCredentials) {
        this.stack = stack;
        this.kafkaCredentials = kafkaCredentials;
    }

    /** A service instance's arguments, by its name ({@code document-service}, {@code document-service-2}). */
    List<String> of(String name) {
        StackConfig c = stack.config();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + c.instancePort(name),
                "--laborcloud.kafka.brokers=" + stack.kafkaBootstrapServers(),
                "--laborcloud.mongodb.uri=" + stack.mongoUri(),
                "--laborcloud.keycloak.url=" + stack.keycloakUrl(),
                "--laborcloud.mail.host=127.0.0.1",
                "--laborcloud.mail.port=" + c.smtpPort(),
                "--laborcloud.gateway.url=" + stack.gatewayUrl()));
        // where every other service answers (all its instances), by the key the gateway's routes use
        StackService.ALL.stream().filter(s -> s.key() != null)
                .forEach(s -> args.add("--laborcloud.services." + s.key() + "=" + stack.serviceUrls(s.name())));
        // the service's own Kafka principal (every instance of it the same) and, with --prod, the secrets it reads:
        // from owner-readable files, so that no secret shows in the process list or in a log of command lines
        List<String> imports = new ArrayList<>();
        kafkaCredentials.apply(StackConfig.serviceOf(name)).ifPresent(file -> imports.add("file:" + file));
        StackSecrets secrets = stack.secrets();
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
                    args.add("--laborcloud.ops.services." + watched + "=" + stack.serviceUrl(watched));
                }
            }
        }
        args.addAll(c.extraArgs(name));
        return args;
    }
}
