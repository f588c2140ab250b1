package tw.laborcloud.deploy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tw.laborcloud.events.Topics;
import tw.laborcloud.infra.LocalBrokerAcls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka in the cluster is provisioned like the local broker, from the same table (events' {@link Topics}): the same
 * topics, and for each principal the same ACLs that the local stack grants (infra's KafkaAcls).
 */
class TopicsAndUsersTests {

    private final List<JsonNode> objects = Manifests.render(Manifests.base());

    @Test
    void everyTopicOfTheTableAndEveryDeadLetterTopicIsAKafkaTopic() {
        Map<String, Integer> partitions = new TreeMap<>();
        Manifests.ofKind(objects, "KafkaTopic").forEach(t -> partitions.put(
                t.at("/spec/topicName").asString(Manifests.name(t)), t.at("/spec/partitions").asInt()));

        Map<String, Integer> expected = new TreeMap<>();
        Topics.names().forEach(topic -> expected.put(topic, 3));
        Topics.deadLetterTopics().forEach(topic -> expected.put(topic, 1));
        assertThat(partitions).isEqualTo(expected);
    }

    @Test
    void everyTopicIsReplicatedToThreeBrokersAndNeedsTwoInSync() {
        assertThat(Manifests.ofKind(objects, "KafkaTopic")).allSatisfy(t -> {
            assertThat(t.at("/spec/replicas").asInt()).as(Manifests.name(t)).isEqualTo(3);
            assertThat(t.at("/spec/config/min.insync.replicas").asString()).as(Manifests.name(t)).isEqualTo("2");
            assertThat(t.at("/metadata/labels/strimzi.io~1cluster").asString()).isEqualTo("laborcloud");
        });
    }

    @Test
    void everyKafkaUserHasExactlyTheAclsTheLocalBrokerGrantsItsPrincipal() {
        Map<String, Set<String>> granted = new HashMap<>();
        for (AclBinding binding : LocalBrokerAcls.granted()) {
            String principal = binding.entry().principal().replaceFirst("^User:", "");
            granted.computeIfAbsent(principal, p -> new TreeSet<>()).add(acl(binding.pattern().resourceType().name(),
                    binding.pattern().name(), binding.pattern().patternType().name(), binding.entry().operation().name(),
                    binding.entry().host()));
        }

        Map<String, Set<String>> declared = new HashMap<>();
        Manifests.ofKind(objects, "KafkaUser").forEach(user -> {
            Set<String> acls = declared.computeIfAbsent(Manifests.name(user), u -> new TreeSet<>());
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                assertThat(acl.path("type").asString("allow")).isEqualTo("allow");
                for (JsonNode operation : acl.path("operations")) {
                    acls.add(acl(acl.at("/resource/type").asString(), acl.at("/resource/name").asString(),
                            acl.at("/resource/patternType").asString("literal"), operation.asString(),
                            acl.path("host").asString("*")));
                }
            }
        });

        assertThat(declared.keySet()).containsExactlyInAnyOrderElementsOf(granted.keySet());
        granted.forEach((principal, acls) -> assertThat(declared.get(principal)).as(principal)
                .containsExactlyInAnyOrderElementsOf(acls));
    }

    @Test
    void everyKafkaUserAuthenticatesWithScramAndIsAuthorizedBySimpleAcls() {
        assertThat(Manifests.ofKind(objects, "KafkaUser")).allSatisfy(user -> {
            assertThat(user.at("/spec/authentication/type").asString()).isEqualTo("scram-sha-512");
            assertThat(user.at("/spec/authorization/type").asString()).isEqualTo("simple");
        });
        JsonNode kafka = Manifests.find(objects, "Kafka", "laborcloud").orElseThrow();
        assertThat(kafka.at("/spec/kafka/authorization/type").asString()).isEqualTo("simple");
        assertThat(kafka.at("/spec/kafka/config/auto.create.topics.enable").asBoolean(true)).isFalse();
        assertThat(Manifests.elements(kafka.at("/spec/kafka/listeners")))
                .allSatisfy(l -> assertThat(l.at("/authentication/type").asString()).isEqualTo("scram-sha-512"));
    }

    @Test
    void everyServiceWithAKafkaPrincipalLogsInAsItself() {
        Set<String> users = Manifests.ofKind(objects, "KafkaUser").map(Manifests::name).collect(Collectors.toSet());

        for (String user : users) {
            JsonNode env = Manifests.find(objects, "Deployment", user).orElseThrow()
                    .at("/spec/template/spec/containers/0/env");
            Map<String, JsonNode> byName = new HashMap<>();
            env.forEach(v -> byName.put(v.path("name").asString(), v));

            assertThat(byName.get("LABORCLOUD_KAFKA_USERNAME").path("value").asString()).isEqualTo(user);
            assertThat(byName.get("LABORCLOUD_KAFKA_PASSWORD").at("/valueFrom/secretKeyRef/name").asString())
                    .isEqualTo(user);
            assertThat(byName.get("LABORCLOUD_KAFKA_PASSWORD").at("/valueFrom/secretKeyRef/key").asString())
                    .isEqualTo("password");
        }
    }

    /** One ACL in Kafka's terms, whichever way it was written (Strimzi's "Write", Kafka's WRITE). */
    private static String acl(String resourceType, String name, String patternType, String operation, String host) {
        return (resourceType + " " + name + " " + patternType + " " + operation.replace("_", "") + " " + host)
                .toUpperCase(java.util.Locale.ROOT);
    }
}
