package tw.laborcloud.deploy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A setting the code does not read is a setting that silently does nothing (a typing error, a renamed property). */
class EnvironmentNamesTests {

    @ParameterizedTest
    @FieldSource("tw.laborcloud.deploy.Manifests#OVERLAYS")
    void everyEnvironmentVariableADeploymentSetsIsOneItsServiceReads(String overlay) {
        List<JsonNode> objects = Manifests.renderOverlay(overlay);

        for (String service : Manifests.SERVICES) {
            PropertyNames read = PropertyNames.of(service);
            JsonNode container = Manifests.find(objects, "Deployment", service).orElseThrow()
                    .at("/spec/template/spec/containers/0");

            assertThat(container.has("envFrom")).as("%s: every variable named", service).isFalse();
            for (JsonNode variable : container.path("env")) {
                assertThat(read.readsVariable(variable.path("name").asString()))
                        .as("%s reads %s", service, variable.path("name").asString()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @FieldSource("tw.laborcloud.deploy.Manifests#OVERLAYS")
    void everyKeyOfAMountedConfigurationFileIsOneItsServiceReads(String overlay) {
        List<JsonNode> objects = Manifests.renderOverlay(overlay);

        for (String service : List.of("gateway", "ops-console")) {
            PropertyNames read = PropertyNames.of(service);
            JsonNode file = Manifests.YAML.readTree(Manifests.find(objects, "ConfigMap", service + "-config")
                    .orElseThrow().at("/data/application.yml").asString());

            assertThat(PropertyNames.keysOf(file)).isNotEmpty()
                    .allSatisfy(key -> assertThat(read.readsProperty(key)).as("%s reads %s", service, key).isTrue());
        }
    }

    @Test
    void aNameNoCodeReadsIsNotTakenForOne() {
        PropertyNames read = PropertyNames.of("registration-service");

        assertThat(read.readsVariable("LABORCLOUD_UPLOAD_TICKET_SECRET")).isTrue();
        assertThat(read.readsVariable("LABORCLOUD_KAFKA_PASSWORD")).isTrue();
        assertThat(read.readsVariable("LABORCLOUD_UPLOADS_TICKET_SECRETS")).isFalse();
        assertThat(read.readsVariable("LABORCLOUD_MAIL_HOST")).isFalse();
        assertThat(PropertyNames.of("gateway").readsVariable("LABORCLOUD_KAFKA_BROKERS")).isFalse();
    }

    @Test
    void theGatewayRoutesToEveryServiceByItsServiceName() {
        List<JsonNode> objects = Manifests.renderOverlay("production");
        JsonNode routes = Manifests.YAML.readTree(Manifests.find(objects, "ConfigMap", "gateway-config").orElseThrow()
                .at("/data/application.yml").asString()).at("/laborcloud/services");

        routes.properties().forEach(route -> {
            String url = route.getValue().asString();
            String host = url.replaceFirst("^http://", "").replaceFirst(":.*", "");
            JsonNode service = Manifests.find(objects, "Service", host).orElseThrow();
            assertThat(url).endsWith(":" + service.at("/spec/ports/0/port").asInt());
        });
        assertThat(routes.size()).isEqualTo(Manifests.SERVICES.size() - 1);
    }
}
