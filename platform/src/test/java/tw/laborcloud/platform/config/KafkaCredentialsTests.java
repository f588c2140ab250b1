package tw.laborcloud.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.kafka.common.security.JaasContext;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBinderConfigurationProperties;
import org.springframework.cloud.stream.binder.kafka.provisioning.KafkaTopicProvisioner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * {@code laborcloud.kafka.username}/{@code .password} turn on SASL/SCRAM-SHA-512 for every Kafka client the
 * binder builds (producers, consumers, its admin client) and for Spring Kafka's; without them nothing changes.
 */
class KafkaCredentialsTests {

    @Test
    void withoutCredentialsTheClientsStayAsTheyAre() {
        KafkaBinderConfigurationProperties binder = binder(Map.of());
        assertThat(binder.mergedProducerConfiguration()).doesNotContainKeys("security.protocol", "sasl.mechanism",
                "sasl.jaas.config");
        assertThat(binder.mergedConsumerConfiguration()).doesNotContainKeys("security.protocol", "sasl.jaas.config");
    }

    @Test
    void credentialsReachTheBindersProducersConsumersAndAdminClient() {
        KafkaBinderConfigurationProperties binder = binder(Map.of("laborcloud.kafka.username", "review-service",
                "laborcloud.kafka.password", "s3cret-Pw"));
        KafkaProperties boot = binder.getKafkaProperties();
        List<Map<String, Object>> clients = List.of(binder.mergedProducerConfiguration(),
                binder.mergedConsumerConfiguration(), boot.buildAdminProperties(),
                new KafkaTopicProvisioner(binder, boot, List.of()).getAdminClientProperties());
        for (Map<String, Object> client : clients) {
            assertThat(client).containsEntry("security.protocol", "SASL_PLAINTEXT")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
            assertThat(jaasOptions(client.get("sasl.jaas.config")))
                    .containsEntry("username", "review-service").containsEntry("password", "s3cret-Pw");
        }
    }

    @Test
    void quotesBackslashesAndPlaceholdersInAPasswordSurvive() {
        String password = "a\"b\\c${d}e";
        // as a Spring property a literal ${ is written \${ (else Spring resolves it as a placeholder)
        KafkaBinderConfigurationProperties binder = binder(Map.of("laborcloud.kafka.username", "ops-console",
                "laborcloud.kafka.password", password.replace("${", "\\${")));
        assertThat(jaasOptions(binder.mergedProducerConfiguration().get("sasl.jaas.config")))
                .containsEntry("password", password);
    }

    @Test
    void aUsernameWithoutPasswordIsRefused() {
        assertThatThrownBy(() -> binder(Map.of("laborcloud.kafka.username", "review-service")))
                .hasMessageContaining("laborcloud.kafka.password");
    }

    private static KafkaBinderConfigurationProperties binder(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", new HashMap<>(properties)));
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        KafkaProperties kafka = Binder.get(environment).bindOrCreate("spring.kafka", KafkaProperties.class);
        return new KafkaBinderConfigurationProperties(kafka,
                new StaticListableBeanFactory().getBeanProvider(KafkaConnectionDetails.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jaasOptions(Object jaasConfig) {
        String value = jaasConfig instanceof Password p ? p.value() : String.valueOf(jaasConfig);
        AppConfigurationEntry entry = JaasContext.loadClientContext(Map.of("sasl.jaas.config", new Password(value)))
                .configurationEntries().getFirst();
        assertThat(entry.getLoginModuleName()).isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule");
        return (Map<String, Object>) entry.getOptions();
    }
}
