package tw.laborcloud.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tw.laborcloud.infra.InfraClients.HTTP;
import static tw.laborcloud.infra.InfraClients.JSON;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tw.laborcloud.events.Topics;

/**
 * Starts the real infrastructure of the local stack (Kafka broker, MongoDB-wire store, GreenMail, Keycloak) through
 * {@link LocalStack#start} on a temporary data directory, without the services, and checks each part the way the
 * services use it: Kafka with each service's own principal, held to the topics the topic table gives it. The last test stops the stack, checks no child process is left, and starts it again on the same
 * data directory (Keycloak must come up faster and keep its realm and users).
 *
 * <p>Uses the fixed ports of the stack (9092, 9093, 27017, 3025, 3143, 8025, 8180): it fails when a {@code ./run} is
 * up on the same machine.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackInfraIntegrationTests {

    private static final String NUMERIC_USER = "87654321";
    private static final String NUMERIC_USER_PASSWORD = "Union-pass-1!";

    private static Path dataDir;
    private static LocalStack stack;
    private static Duration firstStartup;
    private static Duration firstKeycloakStart;
    private static long firstMemoryMb;

    @BeforeAll
    static void startInfrastructure() throws IOException {
        dataDir = Files.createTempDirectory("laborcloud-stack-test-");
        stack = LocalStack.start(config());
        firstStartup = stack.startupTime();
        firstKeycloakStart = stack.startTimes().get("keycloak");
        firstMemoryMb = stack.memoryMegabytes();
        System.out.printf("first start: %s total, kafka %s, keycloak %s, %d MB RSS %s%n", firstStartup,
                stack.startTimes().get("kafka"), firstKeycloakStart, firstMemoryMb, stack.memoryByPartMegabytes());
    }

    @AfterAll
    static void stopInfrastructure() throws IOException {
        if (stack != null) {
            stack.stop();
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static StackConfig config() {
        return StackConfig.builder().dataDir(dataDir).repoRoot(Path.of("..")).startServices(false).build();
    }

    @Test
    @Order(1)
    void aSecondLauncherOnTheSameDataIsRefusedAndTakenPortsAreNamed() throws IOException {
        assertThatThrownBy(() -> LocalStack.start(config()))
                .isInstanceOf(StackException.AlreadyRunning.class)
                .hasMessageContaining("another ./run is already running (pid " + ProcessHandle.current().pid() + ")");

        Path other = Files.createTempDirectory("laborcloud-stack-other-");
        try {
            assertThatThrownBy(() -> LocalStack.start(config().toBuilder().dataDir(other).build()))
                    .isInstanceOf(StackException.PortInUse.class)
                    .hasMessageContaining("port 9092")
                    .hasMessageContaining("Kafka");
        } finally {
            try (Stream<Path> files = Files.walk(other)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    @Order(2)
    void kafkaBrokerCreatesAndListsTopics() throws Exception {
        try (Admin admin = clients().admin()) {
            admin.createTopics(List.of(new NewTopic("infra-test.probe", 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertThat(topics).contains("infra-test.probe");
            assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(1);
            // the launcher created every topic of the table before any service could ask for one
            assertThat(topics).containsAll(Topics.names()).containsAll(Topics.deadLetterTopics());
            Map<String, TopicDescription> business = admin.describeTopics(Topics.names()).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            assertThat(business.values()).allSatisfy(d -> assertThat(d.partitions()).hasSize(3));
        }
    }

    @Test
    @Order(3)
    void kafkaRefusesClientsWithoutCredentialsAndHoldsEachServiceToItsTopics() throws Exception {
        // no credentials: the SASL listener never answers a plain client; a wrong password is refused outright
        Map<String, Object> anonymous = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        try (Admin admin = Admin.create(anonymous)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
        try (KafkaProducer<String, String> producer = clients().producer(anonymous)) {
            assertThatThrownBy(() -> clients().send(producer, Topics.APPLICATION_APPROVED, "forged"))
                    .isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
        Map<String, Object> wrongPassword = new HashMap<>(stack.kafkaClientProperties(Topics.REVIEW_SERVICE));
        wrongPassword.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"review-service\" password=\"guessed\";");
        try (KafkaProducer<String, String> producer = clients().producer(wrongPassword)) {
            assertThatThrownBy(() -> clients().send(producer, Topics.APPLICATION_APPROVED, "forged"))
                    .isInstanceOf(SaslAuthenticationException.class);
        }

        String applicationId = "R-ACL-" + System.nanoTime();
        try (KafkaProducer<String, String> documents = clients().producer(stack.kafkaClientProperties(Topics.DOCUMENT_SERVICE))) {
            // its own topic, and its own dead-letter topic
            assertThat(clients().send(documents, Topics.DOCUMENTS_VERIFIED, applicationId).topic())
                    .isEqualTo(Topics.DOCUMENTS_VERIFIED);
            clients().send(documents, Topics.deadLetterTopic(Topics.REGISTRATION_SUBMITTED, Topics.DOCUMENT_SERVICE),
                    applicationId);
            // not a topic another service owns: no forged approval, no forged registration
            assertThatThrownBy(() -> clients().send(documents, Topics.APPLICATION_APPROVED, applicationId))
                    .isInstanceOf(TopicAuthorizationException.class)
                    .hasMessageContaining(Topics.APPLICATION_APPROVED);
            assertThatThrownBy(() -> clients().send(documents, Topics.REGISTRATION_SUBMITTED, applicationId))
                    .isInstanceOf(TopicAuthorizationException.class);
            // nor another group's dead-letter topic
            assertThatThrownBy(() -> clients().send(documents,
                    Topics.deadLetterTopic(Topics.REGISTRATION_SUBMITTED, Topics.REVIEW_SERVICE), applicationId))
                    .isInstanceOf(TopicAuthorizationException.class);
        }

        // review-service reads what it consumes, with its own group...
        try (KafkaConsumer<String, String> review = clients().consumer(Topics.REVIEW_SERVICE, Topics.REVIEW_SERVICE)) {
            review.subscribe(List.of(Topics.DOCUMENTS_VERIFIED));
            assertThat(clients().pollUntil(review, applicationId).value()).isEqualTo(applicationId);
        }
        // ...but not the topic that carries the e-mail confirmation token (notification-service alone reads it)
        try (KafkaConsumer<String, String> review = clients().consumer(Topics.REVIEW_SERVICE, Topics.REVIEW_SERVICE)) {
            review.subscribe(List.of(Topics.EMAIL_CONFIRMATION_REQUESTED));
            assertThatThrownBy(() -> clients().pollUntil(review, applicationId))
                    .isInstanceOf(TopicAuthorizationException.class)
                    .hasMessageContaining(Topics.EMAIL_CONFIRMATION_REQUESTED);
        }
        // nor with another service's consumer group
        try (KafkaConsumer<String, String> review = clients().consumer(Topics.REVIEW_SERVICE, Topics.NOTIFICATION_SERVICE)) {
            review.subscribe(List.of(Topics.DOCUMENTS_VERIFIED));
            assertThatThrownBy(() -> clients().pollUntil(review, applicationId))
                    .isInstanceOf(org.apache.kafka.common.errors.GroupAuthorizationException.class);
        }

        // the broker's log (and the launcher's) never shows a password
        for (String principal : List.of(LocalStack.KAFKA_ADMIN, Topics.DOCUMENT_SERVICE, Topics.OPS_CONSOLE)) {
            String jaas = String.valueOf(stack.kafkaClientProperties(principal).get("sasl.jaas.config"));
            String password = jaas.replaceAll(".*password=\"([^\"]+)\".*", "$1");
            assertThat(password).isNotBlank().isNotEqualTo(jaas);
            assertThat(Files.readString(stack.logFile("kafka"))).doesNotContain(password);
        }

        // ops-console replays onto the original topics, but writes no dead-letter topic
        try (KafkaProducer<String, String> ops = clients().producer(stack.kafkaClientProperties(Topics.OPS_CONSOLE))) {
            clients().send(ops, Topics.DOCUMENTS_VERIFIED, applicationId);
            assertThatThrownBy(() -> clients().send(ops,
                    Topics.deadLetterTopic(Topics.DOCUMENTS_VERIFIED, Topics.REVIEW_SERVICE), applicationId))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    @Order(4)
    void mongoWireProtocolStoresDocuments() {
        try (MongoClient client = MongoClients.create(stack.mongoUri())) {
            MongoCollection<Document> probes = client.getDatabase("infra-test").getCollection("probes");
            probes.insertOne(new Document("_id", "probe-1").append("note", "測試資料"));
            Document found = probes.find(new Document("_id", "probe-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("note")).isEqualTo("測試資料");
            // what Spring Boot's MongoDB health indicator sends; mongo-java-server alone does not know it
            assertThat(client.getDatabase("infra-test").runCommand(new Document("hello", 1)).get("ok"))
                    .isIn(1, 1.0);
        }
    }

    @Test
    @Order(5)
    void smtpMailShowsInTheInboxAndSurvivesAnSmtpOutage() throws Exception {
        clients().sendMail("union-1@example.test", "帳號啟用通知", "請點選連結啟用帳號：http://localhost:8080/activate?token=abc",
                "<p>請點選<a href=\"http://localhost:8080/activate?token=abc\">此連結</a>啟用帳號</p>");

        JsonNode messages = clients().getJson(stack.inboxUrl() + "/api/messages");
        assertThat(messages.size()).isEqualTo(1);
        JsonNode first = messages.get(0);
        assertThat(first.get("to").asString()).isEqualTo("union-1@example.test");
        assertThat(first.get("from").asString()).isEqualTo("noreply@laborcloud.test");
        assertThat(first.get("subject").asString()).isEqualTo("帳號啟用通知");
        assertThat(first.get("text").asString()).contains("http://localhost:8080/activate?token=abc");
        assertThat(first.get("html").asString()).contains("<a href=");
        assertThat(first.get("receivedAt").asString()).isNotBlank();
        assertThat(first.get("attachments").size()).as("a mail without attachments").isZero();

        String list = clients().get(stack.inboxUrl() + "/").body();
        assertThat(list).contains("收件者", "主旨", "時間", "帳號啟用通知");
        HttpResponse<String> one = clients().get(stack.inboxUrl() + "/messages/1");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("iframe sandbox", "&lt;a href=", "union-1@example.test");

        stack.faults().stopMail();
        assertThatThrownBy(() -> new Socket("127.0.0.1", stack.smtpPort()).close())
                .isInstanceOf(ConnectException.class);
        assertThat(clients().getJson(stack.inboxUrl() + "/api/messages").size()).isEqualTo(1);
        stack.faults().startMail();

        clients().sendMail("union-2@example.test", "第二封", "second", null);
        JsonNode after = clients().getJson(stack.inboxUrl() + "/api/messages");
        assertThat(after.size()).isEqualTo(2);
        assertThat(after.get(0).get("subject").asString()).isEqualTo("第二封"); // newest first
        assertThat(after.get(1).get("subject").asString()).isEqualTo("帳號啟用通知");
        assertThat(stack.mailMessages()).extracting(MailMessage::to)
                .containsExactly("union-1@example.test", "union-2@example.test");
    }

    @Test
    @Order(6)
    void keycloakPasswordGrantCarriesRealmRoles() throws Exception {
        JsonNode token = clients().passwordGrant("reviewer1", "Reviewer1-pass!");
        JsonNode claims = clients().claims(token.get("access_token").asString());
        assertThat(claims.get("iss").asString()).isEqualTo("http://localhost:8180/realms/laborcloud");
        assertThat(clients().values(claims.path("realm_access").path("roles"))).contains("reviewer")
                .doesNotContain("approver", "ops", "union");
        assertThat(claims.get("preferred_username").asString()).isEqualTo("reviewer1");

        JsonNode approver = clients().claims(clients().passwordGrant("approver1", "Approver1-pass!").get("access_token").asString());
        assertThat(clients().values(approver.path("realm_access").path("roles"))).contains("approver");
    }

    @Test
    @Order(7)
    void backendServiceAccountManagesUsersAndUnionIdBecomesAClaim() throws Exception {
        String adminToken = clients().clientCredentials();

        HttpResponse<String> found = HTTP.send(HttpRequest.newBuilder(
                        URI.create(stack.keycloakUrl() + "/admin/realms/laborcloud/users?username=reviewer1&exact=true"))
                .header("Authorization", "Bearer " + adminToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(clients().values(JSON.readTree(found.body()), "username")).containsExactly("reviewer1");

        // a union's account: numeric 8-digit user name, no first/last name, custom attributes
        String user = """
                {"username":"%s","enabled":true,"email":"%s@example.test","emailVerified":true,
                 "attributes":{"unionId":["U-%s"],"applicationId":["APP-0001"]},
                 "credentials":[{"type":"password","value":"%s","temporary":false}]}
                """.formatted(NUMERIC_USER, NUMERIC_USER, NUMERIC_USER, NUMERIC_USER_PASSWORD);
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(
                        URI.create(stack.keycloakUrl() + "/admin/realms/laborcloud/users"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        JsonNode claims = clients().claims(clients().passwordGrant(NUMERIC_USER, NUMERIC_USER_PASSWORD).get("access_token").asString());
        assertThat(claims.get("union_id").asString()).isEqualTo("U-" + NUMERIC_USER);
    }

    @Test
    @Order(8)
    void restartOnTheSameDataKeepsEverythingAndKeycloakStartsFaster() throws Exception {
        List<Long> pids = stack.childPids();
        // Kafka's JVM and Keycloak's: under kc.sh, or in kc.sh's place when the first start on a machine
        // re-augmented Keycloak and kc.sh exec'd the JVM again (a fresh machine's first run); a command line
        // is read up to 4,096 characters, so Kafka's is known by an option before its class path
        assertThat(pids.stream().map(pid -> ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("")))
                .anyMatch(command -> command.contains("-Dkafka.logs.dir="))
                .anyMatch(command -> command.contains("io.quarkus.bootstrap.runner.QuarkusEntryPoint"));
        Map<String, Object> documentServiceBeforeRestart = stack.kafkaClientProperties(Topics.DOCUMENT_SERVICE);
        stack.stop();
        stack = null;

        assertThat(pids).allSatisfy(pid ->
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                        .as("pid %d still alive", pid).isFalse());
        assertThat(ProcessHandle.current().descendants()
                .filter(h -> h.info().commandLine().orElse("").contains(dataDir.toString())).toList()).isEmpty();

        stack = LocalStack.start(config());
        Duration secondKeycloakStart = stack.startTimes().get("keycloak");
        System.out.printf("second start: %s total, kafka %s, keycloak %s (first %s), %d MB RSS %s%n",
                stack.startupTime(), stack.startTimes().get("kafka"), secondKeycloakStart, firstKeycloakStart,
                stack.memoryMegabytes(), stack.memoryByPartMegabytes());
        assertThat(secondKeycloakStart).isLessThan(firstKeycloakStart);

        // Keycloak: the realm was not re-imported and the user created at run time is still there
        assertThat(Files.readString(stack.logFile("keycloak"))).contains("Realm 'laborcloud' already exists");
        assertThat(Files.exists(dataDir.resolve("keycloak/keycloakdb.mv.db"))).isTrue();
        assertThat(clients().claims(clients().passwordGrant(NUMERIC_USER, NUMERIC_USER_PASSWORD).get("access_token").asString())
                .get("union_id").asString()).isEqualTo("U-" + NUMERIC_USER);
        // Kafka and the MongoDB-wire store kept their data
        try (Admin admin = clients().admin()) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("infra-test.probe");
        }
        // every password is new with each launcher: the old one no longer opens the door, the new one does
        try (KafkaProducer<String, String> old = clients().producer(documentServiceBeforeRestart)) {
            assertThatThrownBy(() -> clients().send(old, Topics.DOCUMENTS_VERIFIED, "R-OLD"))
                    .isInstanceOf(SaslAuthenticationException.class);
        }
        try (KafkaProducer<String, String> renewed = clients().producer(stack.kafkaClientProperties(Topics.DOCUMENT_SERVICE))) {
            clients().send(renewed, Topics.DOCUMENTS_VERIFIED, "R-NEW");
        }
        try (MongoClient client = MongoClients.create(stack.mongoUri())) {
            assertThat(client.getDatabase("infra-test").getCollection("probes")
                    .find(new Document("_id", "probe-1")).first()).isNotNull();
        }
    }

    private static InfraClients clients() {
        return new InfraClients(stack);
    }
}
