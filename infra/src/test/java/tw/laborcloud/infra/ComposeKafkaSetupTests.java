package tw.laborcloud.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.Test;

import tw.laborcloud.events.Topics;

/**
 * The compose file's Kafka set-up ({@code deploy/compose/kafka-setup.sh}, run once by its {@code kafka-setup}
 * service) is the topic table turned into commands: each principal's SCRAM password, every topic, exactly the ACLs
 * the local broker gets ({@link KafkaAcls}). The script is written from the table here and must be the committed
 * one, so that a topic or a consumer added to the table cannot be forgotten in the deployment. After a change of
 * the table: {@code ./mvnw -pl infra test -Dtest=ComposeKafkaSetupTests -Dlaborcloud.compose.write=true}.
 */
class ComposeKafkaSetupTests {

    static final Path SCRIPT = Path.of("..", "deploy", "compose", "kafka-setup.sh").toAbsolutePath().normalize();

    @Test
    void theComposeKafkaSetupIsTheTopicTable() throws Exception {
        String expected = script();
        if (Boolean.getBoolean("laborcloud.compose.write")) {
            Files.createDirectories(SCRIPT.getParent());
            Files.writeString(SCRIPT, expected, StandardCharsets.UTF_8);
        }
        assertThat(SCRIPT).exists();
        assertThat(Files.readString(SCRIPT, StandardCharsets.UTF_8))
                .as("%s differs from the topic table: run ./mvnw -pl infra test -Dtest=ComposeKafkaSetupTests"
                        + " -Dlaborcloud.compose.write=true and commit it", SCRIPT)
                .isEqualTo(expected);
    }

    @Test
    void everyPrincipalGetsItsPasswordFromTheEnvironmentAndEveryTopicIsCreated() {
        String script = script();
        for (String principal : KafkaAcls.servicePrincipals()) {
            assertThat(script).contains("scram " + principal + " \"${" + passwordVariable(principal) + ":?");
        }
        for (String topic : Topics.names()) {
            assertThat(script).contains("topic " + topic + " \"$partitions\"");
        }
        for (String topic : Topics.deadLetterTopics()) {
            assertThat(script).contains("topic " + topic + " 1");
        }
        assertThat(script).doesNotContainPattern("(?i)password=[A-Za-z0-9]");
    }

    /** The environment variable of a principal's Kafka password: KAFKA_PASSWORD_REGISTRATION_SERVICE, … */
    static String passwordVariable(String principal) {
        return "KAFKA_PASSWORD_" + principal.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    static String script() {
        List<String> lines = new ArrayList<>(List.of(
                "#!/usr/bin/env bash",
                "# GENERATED from the topic table (events/.../Topics.java, infra/.../KafkaAcls.java) by infra's",
                "# ComposeKafkaSetupTests: do not edit. Regenerate after a change of the table with",
                "#   ./mvnw -pl infra test -Dtest=ComposeKafkaSetupTests -Dlaborcloud.compose.write=true",
                "# Run once by docker-compose.yml's kafka-setup service, as the broker's admin (SASL/PLAIN, the only",
                "# mechanism that needs no credential stored in the cluster): sets each principal's SCRAM password from",
                "# the environment, creates every topic (no client may create one), grants exactly the table's ACLs.",
                "# Every step may run again: a password is set again, a topic that exists is kept, an ACL is added once.",
                "set -euo pipefail",
                "bin=/opt/kafka/bin",
                "partitions=\"${KAFKA_PARTITIONS:-3}\"",
                "umask 077",
                "cat > /tmp/admin.properties <<EOF",
                "security.protocol=SASL_PLAINTEXT",
                "sasl.mechanism=PLAIN",
                "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\""
                        + " password=\"${KAFKA_ADMIN_PASSWORD:?set KAFKA_ADMIN_PASSWORD}\";",
                "EOF",
                "kafka=(--bootstrap-server \"${KAFKA_BOOTSTRAP:-kafka:9092}\" --command-config /tmp/admin.properties)",
                "scram() { \"$bin/kafka-configs.sh\" \"${kafka[@]}\" --alter --entity-type users --entity-name \"$1\""
                        + " --add-config \"SCRAM-SHA-512=[iterations=8192,password=$2]\"; }",
                "topic() { \"$bin/kafka-topics.sh\" \"${kafka[@]}\" --create --if-not-exists --topic \"$1\""
                        + " --partitions \"$2\" --replication-factor \"${KAFKA_REPLICATION:-1}\"; }",
                "# acl PRINCIPAL topic|group OPERATION[,OPERATION…] NAME…: every operation on every name, in one call",
                "acl() {",
                "  local principal=$1 type=$2 operations=$3 args=()",
                "  shift 3",
                "  for operation in ${operations//,/ }; do args+=(--operation \"$operation\"); done",
                "  for name in \"$@\"; do args+=(\"--$type\" \"$name\"); done",
                "  \"$bin/kafka-acls.sh\" \"${kafka[@]}\" --add --allow-principal \"User:$principal\" \"${args[@]}\" >/dev/null",
                "}",
                "",
                "# each service and the ops console: one SCRAM-SHA-512 principal named like it"));
        for (String principal : KafkaAcls.servicePrincipals()) {
            String variable = passwordVariable(principal);
            lines.add("scram " + principal + " \"${" + variable + ":?set " + variable + "}\"");
        }
        lines.add("");
        lines.add("# the topics of the table; each consumer's dead-letter topic (1 partition, as the binder's dlq-partitions)");
        for (String topic : Topics.names()) {
            lines.add("topic " + topic + " \"$partitions\"");
        }
        for (String topic : Topics.deadLetterTopics()) {
            lines.add("topic " + topic + " 1");
        }
        lines.add("");
        lines.add("# the ACLs: nothing else is allowed (allow.everyone.if.no.acl.found=false)");
        Set<AclBinding> acls = KafkaAcls.fromTopicTable();
        // the operations each principal has on each resource, then the resources with the same operations together
        Map<List<String>, SortedSet<String>> operations = new TreeMap<>(Comparator.comparing(Object::toString));
        for (AclBinding acl : acls) {
            String operation = acl.entry().operation().name();
            operations.computeIfAbsent(List.of(acl.entry().principal().substring("User:".length()),
                    acl.pattern().resourceType().name().toLowerCase(Locale.ROOT), acl.pattern().name()),
                    k -> new TreeSet<>()).add(operation.charAt(0) + operation.substring(1).toLowerCase(Locale.ROOT));
        }
        Map<String, SortedSet<String>> calls = new TreeMap<>();
        operations.forEach((resource, ops) -> calls.computeIfAbsent(resource.get(0) + " " + resource.get(1) + " "
                + String.join(",", ops), k -> new TreeSet<>()).add(resource.get(2)));
        calls.forEach((call, names) -> lines.add("acl " + call + " " + String.join(" ", names)));
        lines.add("echo \"kafka-setup: " + KafkaAcls.servicePrincipals().size() + " principals, "
                + (Topics.names().size() + Topics.deadLetterTopics().size()) + " topics, " + acls.size() + " ACLs\"");
        return String.join("\n", lines) + "\n";
    }
}
