package tw.laborcloud.platform.test;

import java.net.InetSocketAddress;
import java.util.UUID;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The infrastructure of a service's integration tests on a machine without Docker: a
 * real Kafka broker (KRaft, in this JVM) and the MongoDB-wire server, each started once
 * per test JVM. Every test class gets a database of its own.
 * Use from a {@code @DynamicPropertySource} method: {@code LocalTestInfra.register(registry)}.
 */
public final class LocalTestInfra {

    private static EmbeddedKafkaBroker kafka;
    private static MongoServer mongo;
    private static String mongoUri;

    private LocalTestInfra() {
    }

    public static synchronized void register(DynamicPropertyRegistry registry) {
        if (kafka == null) {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
            broker.brokerProperty("log.cleaner.dedupe.buffer.size", "8388608");
            broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
            broker.afterPropertiesSet();
            kafka = broker;
            mongo = new MongoServer(new MemoryBackend());
            InetSocketAddress address = mongo.bind();
            mongoUri = "mongodb://127.0.0.1:" + address.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                mongo.shutdownNow();
                kafka.destroy();
            }));
        }
        String brokers = kafka.getBrokersAsString();
        String database = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        registry.add("laborcloud.kafka.brokers", () -> brokers);
        registry.add("laborcloud.mongodb.uri", () -> mongoUri);
        registry.add("laborcloud.mongodb.database", () -> database);
        registry.add("laborcloud.outbox.sweep-interval", () -> "PT0.5S");
    }

    public static synchronized String brokers() {
        return kafka.getBrokersAsString();
    }
}
