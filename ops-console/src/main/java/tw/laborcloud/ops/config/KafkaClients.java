package tw.laborcloud.ops.config;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Plain Kafka clients: the console administers Kafka (offsets, lag, reading dead letters,
 * replaying them) rather than handling business events, which is what the architecture
 * reserves plain clients for. They authenticate as the console's own principal with the
 * settings the platform derives from {@code laborcloud.kafka.username}/{@code .password}
 * (Spring Boot's {@code spring.kafka.security.protocol} and {@code spring.kafka.properties.*});
 * without credentials they connect as before.
 */
@Configuration
public class KafkaClients {

    private final String brokers;
    /** security.protocol, sasl.mechanism, sasl.jaas.config when credentials are set; empty otherwise */
    private final Map<String, Object> security;

    KafkaClients(@Value("${laborcloud.kafka.brokers}") String brokers, KafkaProperties kafka) {
        this.brokers = brokers;
        this.security = security(kafka);
    }

    static Map<String, Object> security(KafkaProperties kafka) {
        Map<String, Object> security = new HashMap<>(kafka.getProperties());
        if (kafka.getSecurity().getProtocol() != null) {
            security.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, kafka.getSecurity().getProtocol());
        }
        return Map.copyOf(security);
    }

    @Bean(destroyMethod = "close")
    Admin opsKafkaAdmin() {
        return Admin.create(withSecurity(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000,
                AdminClientConfig.CLIENT_ID_CONFIG, "ops-console-admin")));
    }

    /**
     * Replays: the same reliability as the services' outbox relay (idempotent, acks=all). The console's
     * principal may write every business topic for this (docs/architecture.md, Kafka principals and ACLs).
     */
    @Bean(destroyMethod = "close")
    KafkaProducer<byte[], byte[]> replayProducer() {
        return new KafkaProducer<>(withSecurity(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000,
                ProducerConfig.CLIENT_ID_CONFIG, "ops-console-replay")),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A consumer of raw records; {@code group} null for one that only assigns partitions and never commits. */
    public KafkaConsumer<byte[], byte[]> consumer(String group, Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        config.putAll(extra);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private Map<String, Object> withSecurity(Map<String, Object> config) {
        Map<String, Object> all = new HashMap<>(security);
        all.putAll(config);
        return all;
    }
}
