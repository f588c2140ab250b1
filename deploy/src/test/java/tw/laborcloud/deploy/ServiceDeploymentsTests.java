package tw.laborcloud.deploy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator checks first: every service runs, is probed, has its resources and survives a drain. */
class ServiceDeploymentsTests {

    /** Each service's port (its application.yml server.port). */
    private static final Map<String, Integer> PORTS = Map.of("gateway", 8080, "registration-service", 8081,
            "document-service", 8082, "review-service", 8083, "notification-service", 8084,
            "union-affairs-service", 8085, "ops-console", 8086);

    @ParameterizedTest
    @FieldSource("tw.laborcloud.deploy.Manifests#OVERLAYS")
    void everyServiceHasADeploymentAServiceAndAPodDisruptionBudget(String overlay) {
        List<JsonNode> objects = Manifests.renderOverlay(overlay);

        for (String service : Manifests.SERVICES) {
            JsonNode deployment = Manifests.find(objects, "Deployment", service).orElseThrow();
            JsonNode kubeService = Manifests.find(objects, "Service", service).orElseThrow();
            JsonNode budget = Manifests.find(objects, "PodDisruptionBudget", service).orElseThrow();
            JsonNode podLabels = deployment.at("/spec/template/metadata/labels");

            assertThat(deployment.at("/spec/template/spec/containers/0/image").asString())
                    .startsWith("laborcloud/" + service + ":");
            assertThat(kubeService.at("/spec/ports/0/port").asInt()).as(service).isEqualTo(PORTS.get(service));
            assertThat(deployment.at("/spec/template/spec/containers/0/ports/0/containerPort").asInt())
                    .as(service).isEqualTo(PORTS.get(service));
            assertSelects(kubeService.at("/spec/selector"), podLabels, service);
            assertSelects(budget.at("/spec/selector/matchLabels"), podLabels, service);
        }
    }

    @ParameterizedTest
    @FieldSource("tw.laborcloud.deploy.Manifests#OVERLAYS")
    void everyServiceIsProbedOnActuatorLivenessAndReadiness(String overlay) {
        List<JsonNode> objects = Manifests.renderOverlay(overlay);

        for (String service : Manifests.SERVICES) {
            JsonNode container = container(objects, service);

            assertThat(container.at("/livenessProbe/httpGet/path").asString()).as(service)
                    .isEqualTo("/actuator/health/liveness");
            assertThat(container.at("/readinessProbe/httpGet/path").asString()).as(service)
                    .isEqualTo("/actuator/health/readiness");
            assertThat(container.at("/startupProbe/httpGet/path").asString()).as(service)
                    .isEqualTo("/actuator/health/liveness");
            assertThat(container.at("/livenessProbe/httpGet/port").asString()).isEqualTo("http");
        }
    }

    @ParameterizedTest
    @FieldSource("tw.laborcloud.deploy.Manifests#OVERLAYS")
    void everyServiceRequestsAndLimitsCpuAndMemory(String overlay) {
        List<JsonNode> objects = Manifests.renderOverlay(overlay);

        for (String service : Manifests.SERVICES) {
            JsonNode resources = container(objects, service).path("resources");

            assertThat(resources.at("/requests/memory").asString()).as(service).isNotEmpty();
            assertThat(resources.at("/requests/cpu").asString()).as(service).isNotEmpty();
            assertThat(resources.at("/limits/memory").asString()).as(service).isNotEmpty();
            assertThat(resources.at("/limits/cpu").asString()).as(service).isNotEmpty();
        }
    }

    @Test
    void productionRunsTwoPodsOfEachServiceAndThreeGateways() {
        List<JsonNode> objects = Manifests.renderOverlay("production");

        for (String service : Manifests.SERVICES) {
            int expected = service.equals("gateway") ? 3 : 2;
            assertThat(Manifests.find(objects, "Deployment", service).orElseThrow().at("/spec/replicas").asInt())
                    .as(service).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @FieldSource("tw.laborcloud.deploy.Manifests#OVERLAYS")
    void theGatewayAndDocumentServiceScaleWithAutoscalersStartingAtTheirReplicas(String overlay) {
        List<JsonNode> objects = Manifests.renderOverlay(overlay);

        assertThat(Manifests.ofKind(objects, "HorizontalPodAutoscaler").map(Manifests::name))
                .containsExactlyInAnyOrder("gateway", "document-service");
        Manifests.ofKind(objects, "HorizontalPodAutoscaler").forEach(hpa -> {
            JsonNode deployment = Manifests.find(objects, "Deployment", hpa.at("/spec/scaleTargetRef/name").asString())
                    .orElseThrow();
            assertThat(hpa.at("/spec/minReplicas").asInt()).as(Manifests.describe(hpa))
                    .isEqualTo(deployment.at("/spec/replicas").asInt());
            assertThat(hpa.at("/spec/maxReplicas").asInt()).isGreaterThan(hpa.at("/spec/minReplicas").asInt());
        });
    }

    @ParameterizedTest
    @FieldSource("tw.laborcloud.deploy.Manifests#OVERLAYS")
    void everyServiceRunsWithTheProdProfileAsANonRootUser(String overlay) {
        List<JsonNode> objects = Manifests.renderOverlay(overlay);
        JsonNode platform = Manifests.find(objects, "ConfigMap", "laborcloud-platform").orElseThrow();

        for (String service : Manifests.SERVICES) {
            JsonNode pod = Manifests.find(objects, "Deployment", service).orElseThrow().at("/spec/template/spec");
            JsonNode profile = Manifests.elements(pod.at("/containers/0/env")).stream()
                    .filter(e -> e.path("name").asString().equals("SPRING_PROFILES_ACTIVE")).findFirst().orElseThrow();

            assertThat(platform.at("/data/" + profile.at("/valueFrom/configMapKeyRef/key").asString()).asString())
                    .as(service).isEqualTo("prod");
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(service).isTrue();
        }
    }

    private static JsonNode container(List<JsonNode> objects, String service) {
        return Manifests.find(objects, "Deployment", service).orElseThrow().at("/spec/template/spec/containers/0");
    }

    private static void assertSelects(JsonNode selector, JsonNode labels, String service) {
        assertThat(selector.size()).as(service).isPositive();
        selector.properties().forEach(e -> assertThat(labels.path(e.getKey()).asString()).as(service)
                .isEqualTo(e.getValue().asString()));
    }
}
