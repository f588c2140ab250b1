package tw.laborcloud.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How {@link LocalStackInfraIntegrationTests} reaches each part of the stack, as the services do: Kafka with a
 * principal's credentials (idempotent producers, consumers without auto-commit), SMTP into GreenMail, Keycloak's token
 * endpoint and admin API, and the inbox's HTTP API.
 */
final class InfraClients {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final LocalStack stack;

    InfraClients(LocalStack stack) {
        this.stack = stack;
    }

    Admin admin() {
        return Admin.create(stack.kafkaClientProperties(LocalStack.KAFKA_ADMIN));
    }

    /** Like the services' producers: idempotent, acks=all; short timeouts so that a refusal shows quickly. */
    KafkaProducer<String, String> producer(Map<String, Object> client) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Sends the key as key and value and waits for the broker; throws what the broker (or the client) said. */
    RecordMetadata send(KafkaProducer<String, String> producer, String topic, String key)
            throws Exception {
        try {
            Future<RecordMetadata> sent = producer.send(new ProducerRecord<>(topic, key, key));
            return sent.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    KafkaConsumer<String, String> consumer(String principal, String group) {
        Map<String, Object> props = new HashMap<>(stack.kafkaClientProperties(principal));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    ConsumerRecord<String, String> pollUntil(KafkaConsumer<String, String> consumer, String key) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                if (key.equals(r.key())) {
                    return r;
                }
            }
        }
        throw new AssertionError("no record with key " + key + " within 30 s");
    }

    void sendMail(String to, String subject, String text, String html) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", stack.smtpHost());
        props.put("mail.smtp.port", String.valueOf(stack.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom("noreply@laborcloud.test");
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        if (html == null) {
            message.setText(text, "UTF-8");
        } else {
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, "UTF-8");
            MimeBodyPart rich = new MimeBodyPart();
            rich.setContent(html, "text/html; charset=UTF-8");
            message.setContent(new MimeMultipart("alternative", plain, rich));
        }
        Transport.send(message);
    }

    JsonNode passwordGrant(String username, String password) throws Exception {
        return tokenRequest(Map.of("grant_type", "password", "client_id", "labor-test", "username", username,
                "password", password, "scope", "openid"));
    }

    String clientCredentials() throws Exception {
        return tokenRequest(Map.of("grant_type", "client_credentials", "client_id", "labor-backend",
                "client_secret", "labor-backend-dev-secret")).get("access_token").asString();
    }

    JsonNode tokenRequest(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(stack.keycloakIssuerUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    JsonNode claims(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    List<String> values(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    List<String> values(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asString()));
        return out;
    }

    HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response = get(url);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
