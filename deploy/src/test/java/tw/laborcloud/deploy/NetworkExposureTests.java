package tw.laborcloud.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only the gateway takes traffic from outside; the services reach Kafka, MongoDB, Keycloak and SMTP only (and DNS).
 * NetworkPolicies add up: a pod may do what any policy that selects it allows.
 */
class NetworkExposureTests {

    @ParameterizedTest
    @FieldSource("tw.laborcloud.deploy.Manifests#OVERLAYS")
    void theIngressSendsEverythingToTheGatewayOverTls(String overlay) {
        List<JsonNode> objects = Manifests.renderOverlay(overlay);
        List<JsonNode> ingresses = Manifests.ofKind(objects, "Ingress").toList();

        assertThat(ingresses).singleElement().satisfies(ingress -> {
            assertThat(ingress.findValues("service")).extracting(s -> s.path("name").asString())
                    .containsOnly("gateway");
            assertThat(ingress.at("/spec/defaultBackend").isMissingNode()).isTrue();
            Set<String> tlsHosts = new TreeSet<>();
            ingress.at("/spec/tls").forEach(t -> {
                assertThat(t.path("secretName").asString()).isNotEmpty();
                t.path("hosts").forEach(h -> tlsHosts.add(h.asString()));
            });
            ingress.at("/spec/rules").forEach(r -> assertThat(tlsHosts).contains(r.path("host").asString()));
        });
    }

    @ParameterizedTest
    @FieldSource("tw.laborcloud.deploy.Manifests#OVERLAYS")
    void everyPodOfTheSystemDeniesWhatNoPolicyAllows(String overlay) {
        List<JsonNode> objects = Manifests.renderOverlay(overlay);

        for (String service : Manifests.SERVICES) {
            JsonNode labels = podLabels(objects, service);
            assertThat(Manifests.ofKind(objects, "NetworkPolicy")
                    .filter(p -> selects(p.at("/spec/podSelector"), labels))
                    .filter(p -> !p.at("/spec/ingress").isArray() && !p.at("/spec/egress").isArray())
                    .filter(p -> p.at("/spec/policyTypes").toString().contains("Ingress")
                            && p.at("/spec/policyTypes").toString().contains("Egress")))
                    .as(service).isNotEmpty();
        }
    }

    @ParameterizedTest
    @FieldSource("tw.laborcloud.deploy.Manifests#OVERLAYS")
    void onlyTheGatewayIsAllowedTrafficFromOutsideTheNamespace(String overlay) {
        List<JsonNode> objects = Manifests.renderOverlay(overlay);

        for (String service : Manifests.SERVICES) {
            JsonNode labels = podLabels(objects, service);
            boolean fromOutside = Manifests.ofKind(objects, "NetworkPolicy")
                    .filter(p -> selects(p.at("/spec/podSelector"), labels))
                    .flatMap(p -> Manifests.elements(p.at("/spec/ingress")).stream())
                    .anyMatch(rule -> !rule.has("from")
                            || Manifests.elements(rule.path("from")).stream()
                                    .anyMatch(peer -> peer.has("namespaceSelector") || peer.has("ipBlock")));
            assertThat(fromOutside).as(service).isEqualTo(service.equals("gateway"));
        }
    }

    @ParameterizedTest
    @FieldSource("tw.laborcloud.deploy.Manifests#OVERLAYS")
    void servicesReachOnlyDnsKafkaMongoDbKeycloakAndSmtp(String overlay) {
        List<JsonNode> objects = Manifests.renderOverlay(overlay);
        // what each destination looks like in a policy: a pod label it selects, or the port of an outside address
        Map<String, String> allowed = Map.of(
                "k8s-app=kube-dns", "DNS", "strimzi.io/cluster=laborcloud", "Kafka", "app=laborcloud-mongodb-svc",
                "MongoDB", "app=keycloak", "Keycloak", "ipBlock:587", "SMTP");

        for (String service : Manifests.SERVICES) {
            JsonNode labels = podLabels(objects, service);
            Manifests.ofKind(objects, "NetworkPolicy").filter(p -> selects(p.at("/spec/podSelector"), labels))
                    .flatMap(p -> Manifests.elements(p.at("/spec/egress")).stream())
                    .forEach(rule -> {
                        assertThat(rule.has("to")).as("%s: egress to anywhere", service).isTrue();
                        for (JsonNode peer : rule.path("to")) {
                            String destination = destination(peer, rule);
                            boolean otherService = destination.equals("app.kubernetes.io/part-of=laborcloud");
                            if (otherService) {
                                // the gateway routes to the services; ops-console polls their health
                                assertThat(service).as("calls other services").isIn("gateway", "ops-console");
                            } else {
                                assertThat(allowed).as("%s reaches %s", service, destination).containsKey(destination);
                            }
                        }
                    });
        }
    }

    private static String destination(JsonNode peer, JsonNode rule) {
        if (peer.has("ipBlock")) {
            return "ipBlock:" + rule.at("/ports/0/port").asString() + (rule.path("ports").size() == 1 ? "" : "+");
        }
        Map.Entry<String, JsonNode> first = peer.at("/podSelector/matchLabels").properties().iterator().next();
        return first.getKey() + "=" + first.getValue().asString();
    }

    private static JsonNode podLabels(List<JsonNode> objects, String service) {
        return Manifests.find(objects, "Deployment", service).orElseThrow().at("/spec/template/metadata/labels");
    }

    /** Whether a label selector (matchLabels, matchExpressions with In / NotIn / Exists) selects these labels. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        for (Map.Entry<String, JsonNode> label : selector.path("matchLabels").properties()) {
            if (!label.getValue().asString().equals(labels.path(label.getKey()).asString(null))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.path(expression.path("key").asString()).asString(null);
            Set<String> values = new TreeSet<>();
            expression.path("values").forEach(v -> values.add(v.asString()));
            boolean matches = switch (expression.path("operator").asString()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalArgumentException("unknown operator in " + expression);
            };
            if (!matches) {
                return false;
            }
        }
        return true;
    }
}
