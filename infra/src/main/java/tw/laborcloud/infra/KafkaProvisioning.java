package tw.laborcloud.infra;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.TopicExistsException;

import tw.laborcloud.events.Topics;

/**
 * What {@link KafkaBroker} puts into a broker that has just come up: every principal's SCRAM
 * password, every topic of the table ({@link Topics#ALL}; dead-letter topics with one partition, as
 * the binder would make them) and exactly the ACLs of {@link KafkaAcls}. Each step is idempotent,
 * so a broker restarted on its old data is brought to the same state.
 */
final class KafkaProvisioning {
    private static final int TOPIC_PARTITIONS = StackConfig.MAX_REPLICAS;
    /** spring.cloud.stream.kafka.default.consumer.dlq-partitions in the platform defaults */
    private static final int DEAD_LETTER_PARTITIONS = 1;
    private static final int SCRAM_ITERATIONS = 4096;

    private final String bootstrapServers;
    private final Map<String, String> passwords;
    private final Function<String, Admin> scramAdmin;

    /**
     * @param passwords every principal's password, the admin's ({@link KafkaAcls#ADMIN}) among them
     * @param scramAdmin an admin client, by client id, that logs in as the admin over SCRAM
     */
    KafkaProvisioning(String bootstrapServers, Map<String, String> passwords, Function<String, Admin> scramAdmin) {
        this.bootstrapServers = bootstrapServers;
        this.passwords = passwords;
        this.scramAdmin = scramAdmin;
    }

    /**
     * Sets every principal's SCRAM password (as the admin over SASL/PLAIN), then as the admin over SCRAM creates
     * the topics of the table that are missing and makes the ACLs exactly {@link KafkaAcls#fromTopicTable()}. Each
     * step is idempotent.
     */
    void run() throws Exception {
        try (Admin bootstrap = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG, KafkaBroker.jaas("org.apache.kafka.common.security.plain.PlainLoginModule",
                        KafkaAcls.ADMIN, passwords.get(KafkaAcls.ADMIN), ""),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000,
                AdminClientConfig.CLIENT_ID_CONFIG, "laborcloud-stack-credentials"))) {
            List<UserScramCredentialAlteration> upserts = new ArrayList<>();
            passwords.forEach((principal, password) -> upserts.add(new UserScramCredentialUpsertion(principal,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password)));
            bootstrap.alterUserScramCredentials(upserts).all().get(10, TimeUnit.SECONDS);
        }
        try (Admin admin = scramAdmin.apply("laborcloud-stack-provisioning")) {
            createTopics(admin);
            reconcileAcls(admin);
        }
    }

    private static void createTopics(Admin admin) throws Exception {
        Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        for (String topic : Topics.names()) {
            if (!existing.contains(topic)) {
                missing.add(new NewTopic(topic, TOPIC_PARTITIONS, (short) 1));
            }
        }
        for (String topic : Topics.deadLetterTopics()) {
            if (!existing.contains(topic)) {
                missing.add(new NewTopic(topic, DEAD_LETTER_PARTITIONS, (short) 1));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        for (var result : admin.createTopics(missing).values().entrySet()) {
            try {
                result.getValue().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    private static void reconcileAcls(Admin admin) throws Exception {
        Set<AclBinding> wanted = KafkaAcls.fromTopicTable();
        Collection<AclBinding> present = admin.describeAcls(AclBindingFilter.ANY).values().get(10, TimeUnit.SECONDS);
        List<AclBinding> missing = wanted.stream().filter(acl -> !present.contains(acl)).toList();
        if (!missing.isEmpty()) {
            admin.createAcls(missing).all().get(10, TimeUnit.SECONDS);
        }
        Set<AclBinding> stale = new HashSet<>(present);
        stale.removeAll(wanted);
        if (!stale.isEmpty()) {
            Log.info("kafka: removing %d ACLs the topic table no longer grants", stale.size());
            admin.deleteAcls(stale.stream().map(AclBinding::toFilter).toList()).all().get(10, TimeUnit.SECONDS);
        }
    }
}
