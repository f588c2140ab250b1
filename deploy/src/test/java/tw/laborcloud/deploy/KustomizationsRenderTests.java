package tw.laborcloud.deploy;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class KustomizationsRenderTests {

    @Test
    void baseRendersEveryService() {
        List<JsonNode> objects = Manifests.render(Manifests.base());

        assertThat(Manifests.ofKind(objects, "Deployment").map(Manifests::name))
                .containsExactlyInAnyOrderElementsOf(Manifests.SERVICES);
    }

    @ParameterizedTest
    @FieldSource("tw.laborcloud.deploy.Manifests#OVERLAYS")
    void overlayRendersTheBaseIntoItsOwnNamespace(String overlay) {
        List<JsonNode> base = Manifests.render(Manifests.base());
        List<JsonNode> objects = Manifests.renderOverlay(overlay);

        assertThat(objects).extracting(Manifests::describe)
                .containsExactlyInAnyOrderElementsOf(base.stream().map(Manifests::describe).toList());
        String namespace = objects.getFirst().path("metadata").path("namespace").asString();
        assertThat(namespace).startsWith("laborcloud");
        assertThat(objects).allSatisfy(o -> assertThat(o.path("metadata").path("namespace").asString())
                .as(Manifests.describe(o)).isEqualTo(namespace));
    }

    @Test
    void overlaysUseNamespacesOfTheirOwn() {
        assertThat(Stream.of("staging", "production")
                .map(o -> Manifests.renderOverlay(o).getFirst().path("metadata").path("namespace").asString())
                .distinct()).hasSize(2);
    }
}
