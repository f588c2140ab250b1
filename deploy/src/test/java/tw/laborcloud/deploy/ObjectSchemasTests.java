package tw.laborcloud.deploy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ObjectSchemasTests {

    @ParameterizedTest
    @FieldSource("tw.laborcloud.deploy.Manifests#OVERLAYS")
    void everyRenderedObjectValidatesAgainstTheSchemaOfItsKind(String overlay) {
        List<JsonNode> objects = Manifests.renderOverlay(overlay);

        assertThat(objects).isNotEmpty();
        assertThat(objects.stream().flatMap(o -> ObjectSchemas.problems(o).stream()
                .map(problem -> Manifests.describe(o) + ": " + problem))).isEmpty();
    }

    @Test
    void aFieldTheKubernetesModelDoesNotHaveIsRefused() {
        JsonNode deployment = withUnknownField("Deployment", "gateway", "/spec/template/spec/containers/0");

        assertThat(ObjectSchemas.problems(deployment)).singleElement().asString().contains("livenesProbe");
    }

    @Test
    void aFieldTheStrimziApiDoesNotHaveIsRefused() {
        JsonNode user = withUnknownField("KafkaUser", "ops-console", "/spec/authorization");

        assertThat(ObjectSchemas.problems(user)).singleElement().asString().contains("livenesProbe");
    }

    @Test
    void aFieldTheOperatorsCrdDoesNotHaveIsRefused() {
        JsonNode mongo = withUnknownField("MongoDBCommunity", "laborcloud-mongodb", "/spec/users/0");
        JsonNode keycloak = withUnknownField("Keycloak", "laborcloud-keycloak", "/spec/db");
        JsonNode realm = withUnknownField("KeycloakRealmImport", "laborcloud-realm", "/spec/realm");

        assertThat(ObjectSchemas.problems(mongo)).isNotEmpty();
        assertThat(ObjectSchemas.problems(keycloak)).isNotEmpty();
        assertThat(ObjectSchemas.problems(realm)).isNotEmpty();
    }

    @Test
    void aFieldObjectMetadataDoesNotHaveIsRefusedOnCustomResourcesToo() {
        JsonNode keycloak = withUnknownField("Keycloak", "laborcloud-keycloak", "/metadata");

        assertThat(ObjectSchemas.problems(keycloak)).singleElement().asString().contains("livenesProbe");
    }

    @Test
    void aKindWithoutSchemaIsRefused() {
        JsonNode secret = Manifests.parse("apiVersion: v1\nkind: Secret\nmetadata: {name: x}\n").getFirst();

        assertThat(ObjectSchemas.problems(secret)).singleElement().asString().startsWith("no schema known");
    }

    private static JsonNode withUnknownField(String kind, String name, String at) {
        JsonNode object = Manifests.find(Manifests.render(Manifests.base()), kind, name).orElseThrow().deepCopy();
        ((ObjectNode) object.at(at)).put("livenesProbe", "a typing error");
        return object;
    }
}
