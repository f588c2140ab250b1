package tw.laborcloud.platform.test;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same infrastructure from real images, for machines with a Docker engine: MongoDB 8
 * as a single-node replica set and Apache Kafka. Test classes using it are annotated
 * {@code @Testcontainers(disabledWithoutDocker = true)}, so they are skipped cleanly
 * where no Docker engine runs.
 */
public final class ContainerTestInfra {

    private static KafkaContainer kafka;
    private static MongoDBContainer mongo;

    private ContainerTestInfra() {
    }

    public static synchronized void register(DynamicPropertyRegistry registry) {
        if (kafka == null) {
            kafka = new KafkaContainer("apache/kafka:4.1.2");
            mongo = new MongoDBContainer("mongo:8").withReplicaSet();
            kafka.start();
            mongo.start();
        }
        String database = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String mongoUri = mongo.getReplicaSetUrl(database);
        registry.add("laborcloud.kafka.brokers", kafka::getBootstrapServers);
        registry.add("spring.mongodb.uri", () -> mongoUri);
        registry.add("laborcloud.outbox.sweep-interval", () -> "PT0.5S");
    }
}
