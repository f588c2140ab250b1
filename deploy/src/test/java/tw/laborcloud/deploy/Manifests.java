package tw.laborcloud.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The kustomizations of deploy/kubernetes and the objects they render. */
final class Manifests {

    static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** The services of the system: each is one Deployment, Service and PodDisruptionBudget. */
    static final List<String> SERVICES = List.of("gateway", "registration-service", "document-service",
            "review-service", "notification-service", "union-affairs-service", "ops-console");

    static final List<String> OVERLAYS = List.of("staging", "production");

    private Manifests() {
    }

    /** The repository's root (the parent of this module). */
    static Path repository() {
        return Path.of(System.getProperty("laborcloud.repository", "..")).toAbsolutePath().normalize();
    }

    static Path kubernetes() {
        return repository().resolve("deploy/kubernetes");
    }

    static Path base() {
        return kubernetes().resolve("base");
    }

    static Path overlay(String name) {
        return kubernetes().resolve("overlays").resolve(name);
    }

    /** Every object the kustomization in this directory renders. */
    static List<JsonNode> render(Path kustomization) {
        return parse(Kustomize.build(kustomization));
    }

    static List<JsonNode> renderOverlay(String name) {
        return render(overlay(name));
    }

    static List<JsonNode> parse(String yaml) {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    objects.add(document);
                }
            }
        }
        return objects;
    }

    static Stream<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asString()));
    }

    static Optional<JsonNode> find(List<JsonNode> objects, String kind, String name) {
        return ofKind(objects, kind).filter(o -> name.equals(name(o))).findFirst();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asString();
    }

    /** kind/name, for messages. */
    static String describe(JsonNode object) {
        return object.path("kind").asString() + "/" + name(object);
    }

    static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }
}
