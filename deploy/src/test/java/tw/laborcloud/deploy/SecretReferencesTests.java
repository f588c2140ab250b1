package tw.laborcloud.deploy;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Secrets are created in the cluster (by operations or the operators), never written in a manifest. */
class SecretReferencesTests {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(SECRET|PASSWORD|_URI)$");

    @ParameterizedTest
    @FieldSource("tw.laborcloud.deploy.Manifests#OVERLAYS")
    void noOverlayContainsASecretWithItsValues(String overlay) {
        List<JsonNode> objects = Manifests.renderOverlay(overlay);

        assertThat(Manifests.ofKind(objects, "Secret")).noneMatch(s -> s.has("data") || s.has("stringData"));
    }

    @Test
    void theBaseContainsNoSecretObjectAtAll() {
        assertThat(Manifests.ofKind(Manifests.render(Manifests.base()), "Secret")).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("tw.laborcloud.deploy.Manifests#OVERLAYS")
    void secretsAndConnectionStringsReachTheServicesOnlyAsSecretReferences(String overlay) {
        List<JsonNode> objects = Manifests.renderOverlay(overlay);

        Manifests.ofKind(objects, "Deployment").forEach(deployment -> {
            for (JsonNode variable : deployment.at("/spec/template/spec/containers/0/env")) {
                String name = variable.path("name").asString();
                if (SECRET_NAME.matcher(name).matches() && !name.endsWith("ISSUER_URI")) {
                    assertThat(variable.has("value")).as("%s %s", Manifests.describe(deployment), name).isFalse();
                    assertThat(variable.at("/valueFrom/secretKeyRef/name").asString())
                            .as("%s %s", Manifests.describe(deployment), name).isNotEmpty();
                }
            }
        });
    }

    @ParameterizedTest
    @FieldSource("tw.laborcloud.deploy.Manifests#OVERLAYS")
    void configMapsHoldNoSecret(String overlay) {
        List<JsonNode> objects = Manifests.renderOverlay(overlay);

        Manifests.ofKind(objects, "ConfigMap").forEach(map -> map.path("data").properties()
                .forEach(e -> assertThat(e.getKey()).as(Manifests.describe(map)).doesNotContainIgnoringCase("secret")
                        .doesNotContainIgnoringCase("password")));
    }
}
