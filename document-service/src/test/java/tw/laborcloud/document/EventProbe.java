package tw.laborcloud.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import tools.jackson.databind.json.JsonMapper;
import tw.laborcloud.events.Topics;
import tw.laborcloud.events.document.DocumentsVerified;
import tw.laborcloud.events.document.DocumentsVerified.VerifiedDocument;
import tw.laborcloud.events.registration.AccountActivated;
import tw.laborcloud.events.registration.DocumentsReplaced;
import tw.laborcloud.events.registration.RegistrationSubmitted;
import tw.laborcloud.events.registration.RegistrationSubmitted.SubmittedDocument;
import tw.laborcloud.platform.test.KafkaTestClient;

/**
 * The events other services send to this one, and what it publishes, as JSON on the real
 * broker (through the platform's KafkaTestClient). A test class gets one with
 * {@code @Import(EventProbe.Config.class)} and {@code @Autowired EventProbe events}.
 */
public final class EventProbe {

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        EventProbe eventProbe(@Value("${laborcloud.kafka.brokers}") String brokers, JsonMapper json) {
            return new EventProbe(brokers, json);
        }
    }

    private static final String GROUP = "document-service";

    private final String brokers;
    private final JsonMapper json;

    public EventProbe(String brokers, JsonMapper json) {
        this.brokers = brokers;
        this.json = json;
    }

    public RegistrationSubmitted submitted(String applicationId, SubmittedDocument... documents) {
        return RegistrationSubmitted.of(applicationId, "corr-" + applicationId, "87654321", "新北市測試職業工會",
                "clerk@example.tw", List.of(documents));
    }

    public void send(String topic, String applicationId, Object event) {
        KafkaTestClient.send(brokers, topic, applicationId, json.writeValueAsString(event));
    }

    public void submit(String applicationId, SubmittedDocument... documents) {
        send(Topics.REGISTRATION_SUBMITTED, applicationId, submitted(applicationId, documents));
    }

    /** As {@link #submit}, onto one partition: events there are handled one after the other. */
    public void submit(int partition, String applicationId, SubmittedDocument... documents) {
        KafkaTestClient.send(brokers, Topics.REGISTRATION_SUBMITTED, partition, applicationId,
                json.writeValueAsString(submitted(applicationId, documents)));
    }

    public DocumentsReplaced replaced(String applicationId, int round, SubmittedDocument... documents) {
        return DocumentsReplaced.of(applicationId, "corr-" + applicationId, round, List.of(documents));
    }

    public void activate(String applicationId, String unionId) {
        send(Topics.ACCOUNT_ACTIVATED, applicationId, AccountActivated.of(applicationId, "corr-" + applicationId,
                unionId, "87654321", "87654321", "新北市測試職業工會", "clerk@example.tw"));
    }

    /** The first DocumentsVerified published for the application. */
    public DocumentsVerified awaitVerified(String applicationId) {
        return parse(KafkaTestClient.awaitOne(brokers, Topics.DOCUMENTS_VERIFIED, applicationId,
                Duration.ofSeconds(60)).value());
    }

    /** Every DocumentsVerified published for the application, read for the given time. */
    public List<DocumentsVerified> allVerified(String applicationId, Duration during) {
        return KafkaTestClient.readAll(brokers, Topics.DOCUMENTS_VERIFIED, applicationId, during).stream()
                .map(r -> parse(r.value())).toList();
    }

    /** Waits for the event on the dead-letter topic the binder parks a failed event of {@code topic} in. */
    public void awaitDeadLettered(String topic, String applicationId) {
        KafkaTestClient.awaitOne(brokers, "error." + topic + "." + GROUP, applicationId, Duration.ofSeconds(60));
    }

    public static Map<String, List<String>> findingsByKind(DocumentsVerified result) {
        return result.documents().stream()
                .collect(Collectors.toMap(VerifiedDocument::kind, VerifiedDocument::findings));
    }

    /** Waits until the service's consumer group has committed everything on the topic, i.e. handled it. */
    public void awaitConsumed(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata().get();
                ends.forEach((partition, end) -> {
                    if (end > 0) {
                        assertThat(committed.get(partition)).as("committed offset of %s", partition).isNotNull()
                                .extracting(OffsetAndMetadata::offset).isEqualTo(end);
                    }
                });
            });
        }
    }

    private DocumentsVerified parse(String value) {
        return json.readValue(value, DocumentsVerified.class);
    }
}
