package tw.laborcloud.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a rendered object against the schema of its kind, strictly: a field the kind does not have is an error
 * (Kubernetes would drop it silently, or refuse it on a server-side apply, and what it meant would not happen).
 * <ul>
 * <li>Kubernetes kinds: the fabric8 Kubernetes model;</li>
 * <li>Strimzi kinds: Strimzi's own API classes (io.strimzi:api);</li>
 * <li>MongoDBCommunity, Keycloak and KeycloakRealmImport: the OpenAPI v3 schemas of their operators' CRDs
 * (copies in src/test/resources/crds, see the README there).</li>
 * </ul>
 * The model classes keep unknown fields in an "additional properties" map; here that map is taken away, so that
 * an unknown field fails the deserialization instead.
 */
final class ObjectSchemas {

    /** apiVersion/kind to the model class that validates it. */
    private static final Map<String, Class<?>> MODEL_CLASSES = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));

    /** apiVersion/kind to the CRD file (test resource) whose schema validates it. */
    private static final Map<String, String> CRDS = Map.of(
            "mongodbcommunity.mongodb.com/v1/MongoDBCommunity", "crds/mongodbcommunity.mongodb.com_mongodbcommunity.yaml",
            "k8s.keycloak.org/v2alpha1/Keycloak", "crds/keycloaks.k8s.keycloak.org-v1.yml",
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", "crds/keycloakrealmimports.k8s.keycloak.org-v1.yml");

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .addModule(new SimpleModule("no-additional-properties").setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                        BeanDeserializerBuilder builder) {
                    builder.setAnySetter(null);
                    return builder;
                }
            }))
            .build();

    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ObjectSchemas() {
    }

    /** The kinds this class can check. */
    static boolean knows(JsonNode object) {
        return MODEL_CLASSES.containsKey(key(object)) || CRDS.containsKey(key(object));
    }

    /** What is wrong with the object; empty when it is valid. */
    static List<String> problems(JsonNode object) {
        String key = key(object);
        Class<?> model = MODEL_CLASSES.get(key);
        if (model != null) {
            try {
                STRICT.readValue(object.toString(), model);
                return List.of();
            } catch (IOException e) {
                return List.of(e.getMessage().lines().findFirst().orElse(e.toString()));
            }
        }
        String crd = CRDS.get(key);
        if (crd != null) {
            List<String> problems = new ArrayList<>();
            // the operators' CRDs leave the object's metadata to the API server: the Kubernetes model checks it
            try {
                STRICT.readValue(object.path("metadata").toString(), ObjectMeta.class);
            } catch (IOException e) {
                problems.add("metadata: " + e.getMessage().lines().findFirst().orElse(e.toString()));
            }
            for (Error error : SCHEMAS.computeIfAbsent(key, k -> schema(crd, object)).validate(object)) {
                problems.add(error.getInstanceLocation() + ": " + error.getMessage());
            }
            return problems;
        }
        return List.of("no schema known for " + key + " (a kind this system does not deploy?)");
    }

    private static String key(JsonNode object) {
        return object.path("apiVersion").asString() + "/" + object.path("kind").asString();
    }

    private static Schema schema(String resource, JsonNode object) {
        String version = object.path("apiVersion").asString().replaceFirst(".*/", "");
        JsonNode crd = readResource(resource);
        for (JsonNode served : crd.path("spec").path("versions")) {
            if (version.equals(served.path("name").asString())) {
                ObjectNode schema = (ObjectNode) served.path("schema").path("openAPIV3Schema").deepCopy();
                // every object has these, whether its CRD's schema names them or not
                ObjectNode properties = (ObjectNode) schema.path("properties");
                properties.putObject("apiVersion").put("type", "string");
                properties.putObject("kind").put("type", "string");
                properties.putObject("metadata").put("type", "object");
                closeObjects(schema);
                return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schema.toString());
            }
        }
        throw new IllegalStateException(resource + " has no version " + version);
    }

    /**
     * Kubernetes prunes (drops) fields a structural schema does not name, unless the schema says
     * x-kubernetes-preserve-unknown-fields; JSON Schema allows them. Closing every object schema that names its
     * properties makes the JSON Schema check as strict as the API server's pruning is silent.
     */
    static void closeObjects(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            boolean preserves = object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
            if (object.has("properties") && !object.has("additionalProperties") && !preserves) {
                object.put("additionalProperties", false);
            }
            object.values().forEach(ObjectSchemas::closeObjects);
        } else if (schema != null && schema.isArray()) {
            schema.forEach(ObjectSchemas::closeObjects);
        }
    }

    private static JsonNode readResource(String resource) {
        try (InputStream in = ObjectSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return Manifests.YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
