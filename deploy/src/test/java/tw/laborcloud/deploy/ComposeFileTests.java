package tw.laborcloud.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tw.laborcloud.events.Topics;
import tw.laborcloud.infra.LocalBrokerAcls;

/**
 * {@code docker-compose.yml}, the whole system on one Docker host, checked where no Docker engine runs: against
 * the Compose Specification's schema (as {@code check-compose} does), and against the code: every service of the
 * system is in it with a health check on its readiness, waits for what it needs, authenticates to Kafka as its
 * own principal, is given only settings it reads, and gets every secret from the environment.
 */
class ComposeFileTests {

    static final Path COMPOSE = Manifests.repository().resolve("docker-compose.yml");
    static final Map<String, Integer> PORTS = Map.of("gateway", 8080, "registration-service", 8081,
            "document-service", 8082, "review-service", 8083, "notification-service", 8084,
            "union-affairs-service", 8085, "ops-console", 8086);
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[?-])?");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|password|_key)$");

    /** The file as Compose reads it: YAML anchors, aliases and merge keys resolved (SnakeYAML does as Compose does). */
    static JsonNode compose() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(200);
        try (InputStream in = Files.newInputStream(COMPOSE)) {
            Object document = new Yaml(options).load(in);
            return Manifests.YAML.valueToTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theFileFollowsTheComposeSpecification() throws IOException {
        String schema;
        try (InputStream in = ComposeFileTests.class.getResourceAsStream("/compose/compose-spec.json")) {
            // the schema names itself by a relative $id, which the validator wants absolute
            schema = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("\"$id\": \"compose_spec.json\"", "\"$id\": \"https://compose-spec.io/compose_spec.json\"");
        }
        List<String> problems = new ArrayList<>();
        for (Error error : SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema)
                .validate(compose())) {
            problems.add(error.getInstanceLocation() + ": " + error.getMessage());
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyServiceRunsWithAHealthCheckOnItsReadinessAndWaitsForWhatItNeeds() {
        JsonNode services = compose().path("services");
        for (Map.Entry<String, Integer> service : PORTS.entrySet()) {
            JsonNode definition = services.path(service.getKey());
            assertThat(definition.isMissingNode()).as(service.getKey()).isFalse();
            assertThat(definition.path("image").asString()).endsWith("/" + service.getKey() + ":${IMAGE_TAG:-0.1.0-SNAPSHOT}");
            assertThat(definition.at("/healthcheck/test").toString()).as(service.getKey() + "'s health check")
                    .contains("/dev/tcp/127.0.0.1/" + service.getValue()).contains("/actuator/health/readiness");
            assertThat(definition.at("/depends_on/mongo-setup/condition").asString()).as(service.getKey())
                    .isEqualTo("service_completed_successfully");
            assertThat(definition.at("/depends_on/keycloak/condition").asString()).isEqualTo("service_healthy");
            assertThat(definition.at("/environment/SPRING_PROFILES_ACTIVE").asString()).isEqualTo("prod");
        }
        // the gateway opens its door when the services behind it are ready
        for (String behind : List.of("registration-service", "document-service", "review-service",
                "union-affairs-service")) {
            assertThat(services.at("/gateway/depends_on/" + behind + "/condition").asString()).isEqualTo("service_healthy");
        }
        // only the gateway, Keycloak and Mailpit's page are published beyond the host; monitoring on loopback only
        List<String> published = new ArrayList<>();
        services.properties().forEach(s -> s.getValue().path("ports").forEach(p -> {
            if (!p.asString().startsWith("127.0.0.1:")) {
                published.add(s.getKey());
            }
        }));
        assertThat(published).containsExactlyInAnyOrder("gateway", "keycloak", "mailpit");
    }

    @Test
    void eachKafkaPrincipalIsItsServiceWithItsOwnPasswordSetUpByKafkaSetup() throws IOException {
        JsonNode services = compose().path("services");
        Set<String> principals = LocalBrokerAcls.granted().stream()
                .map(acl -> acl.entry().principal().substring("User:".length())).collect(Collectors.toCollection(TreeSet::new));
        String setup = Files.readString(Manifests.repository().resolve("deploy/compose/kafka-setup.sh"));
        for (String principal : principals) {
            String variable = "KAFKA_PASSWORD_" + principal.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
            JsonNode environment = services.path(principal).path("environment");
            assertThat(environment.path("LABORCLOUD_KAFKA_USERNAME").asString()).as(principal).isEqualTo(principal);
            assertThat(environment.path("LABORCLOUD_KAFKA_PASSWORD").asString()).as(principal)
                    .startsWith("${" + variable + ":?");
            assertThat(services.at("/kafka-setup/environment/" + variable).asString()).startsWith("${" + variable + ":?");
            assertThat(setup).contains("scram " + principal + " \"${" + variable);
        }
        assertThat(principals).containsAll(Topics.services());
        assertThat(services.at("/kafka-setup/depends_on/kafka/condition").asString()).isEqualTo("service_healthy");
        assertThat(services.path("kafka-setup").path("volumes").toString()).contains("./deploy/compose:/laborcloud");
        assertThat(services.at("/kafka/entrypoint").toString()).contains("/laborcloud/kafka-start.sh");
    }

    @Test
    void everySettingAServiceIsGivenIsOneItReads() {
        JsonNode services = compose().path("services");
        for (String service : PORTS.keySet()) {
            PropertyNames read = PropertyNames.of(service);
            services.path(service).path("environment").properties().forEach(variable -> {
                if (variable.getKey().equals("SPRING_APPLICATION_JSON")) {
                    JsonNode json = Manifests.YAML.readTree(variable.getValue().asString());
                    assertThat(PropertyNames.keysOf(json)).isNotEmpty().allSatisfy(key ->
                            assertThat(read.readsProperty(key)).as("%s reads %s", service, key).isTrue());
                } else {
                    assertThat(read.readsVariable(variable.getKey())).as("%s reads %s", service, variable.getKey())
                            .isTrue();
                }
            });
        }
    }

    @Test
    void everySecretComesFromTheEnvironmentAndEveryVariableIsInEnvExample() throws IOException {
        JsonNode services = compose().path("services");
        services.properties().forEach(service -> service.getValue().path("environment").properties().forEach(v -> {
            if (SECRET_NAME.matcher(v.getKey()).matches()) {
                assertThat(v.getValue().asString()).as("%s's %s", service.getKey(), v.getKey())
                        .matches("\\$\\{[A-Z0-9_]+:\\?[^}]+}");
            }
        }));
        Set<String> used = new TreeSet<>();
        Matcher m = VARIABLE.matcher(Files.readString(COMPOSE));
        while (m.find()) {
            used.add(m.group(1));
        }
        List<String> example = Files.readAllLines(Manifests.repository().resolve(".env.example"));
        Set<String> listed = example.stream().filter(l -> l.matches("[A-Z0-9_]+=.*")).map(l -> l.substring(0, l.indexOf('=')))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).as(".env.example lists what the compose file reads").isEqualTo(used);
        assertThat(example).filteredOn(l -> SECRET_NAME.matcher(l.replaceFirst("=.*", "")).matches()
                || l.startsWith("KAFKA_CLUSTER_ID=")).as("no value of a secret in the example")
                .allSatisfy(l -> assertThat(l).endsWith("="));
    }
}
