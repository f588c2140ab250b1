package tw.laborcloud.ops.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/** The console's plain clients carry the same credentials as the rest of the service, or none. */
class KafkaClientsTests {

    @Test
    void withoutCredentialsNothingIsAdded() {
        assertThat(KafkaClients.security(new KafkaProperties())).isEmpty();
    }

    @Test
    void theServicesSaslSettingsReachThePlainClients() {
        KafkaProperties sasl = new KafkaProperties();
        sasl.getSecurity().setProtocol("SASL_PLAINTEXT");
        sasl.getProperties().putAll(Map.of("sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", "x"));
        assertThat(KafkaClients.security(sasl))
                .containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("sasl.jaas.config", "x");
    }
}
