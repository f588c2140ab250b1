package tw.laborcloud.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;
import tw.laborcloud.events.DomainEvent;
import tw.laborcloud.events.Topics;
import tw.laborcloud.platform.test.KafkaTestClient;
import tw.laborcloud.events.registration.AccountActivated;
import tw.laborcloud.events.registration.EmailConfirmationRequested;
import tw.laborcloud.events.registration.RegistrationSubmitted;
import tw.laborcloud.notification.delivery.Notification;
import tw.laborcloud.notification.delivery.Notifications;

/**
 * The service with a real Kafka broker, MongoDB and a real SMTP server (GreenMail); the
 * subclasses choose where Kafka and MongoDB come from. Events that must be handled in a
 * known order go to one partition, and a marker event sent after them shows that they
 * were consumed.
 *
 * <p>What the notification scenarios share: the Spring test context, the SMTP server and the
 * helpers that send events and read the mails. The scenarios themselves are
 * {@link RegistrationMailScenarios}, {@link DecisionMailScenarios} and {@link NotificationDeliveryScenarios}.
 */
@SpringBootTest(properties = {
        "laborcloud.gateway.url=https://labor.example.test",
        "laborcloud.notification.retry.initial-backoff=PT1S",
        "laborcloud.notification.dispatch-interval=PT0.5S" })
@AutoConfigureMockMvc
@DirtiesContext
abstract class NotificationScenarioSupport {

    private static final int PARTITION = 0;
    static final int SMTP_PORT = freePort();

    /** One SMTP server for the class, on a fixed port so that it can be stopped and started again. */
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.port(SMTP_PORT))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("laborcloud.mail.port", () -> SMTP_PORT);
    }

    @Value("${laborcloud.kafka.brokers}")
    String brokers;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MockMvc mvc;
    @Autowired
    Notifications notifications;

    // --- helpers -------------------------------------------------------------------------

    record Application(String applicationId, String certificateNo, String unionName, String email) {

        AccountActivated activated() {
            return AccountActivated.of(applicationId, "corr-" + applicationId, "union-" + applicationId,
                    certificateNo, certificateNo, unionName, email);
        }

        RegistrationSubmitted submitted() {
            return RegistrationSubmitted.of(applicationId, "corr-" + applicationId, certificateNo, unionName, email,
                    List.of(new RegistrationSubmitted.SubmittedDocument("CHARTER", "u-1")));
        }

        EmailConfirmationRequested confirmationRequested() {
            return EmailConfirmationRequested.of(applicationId, "corr-" + applicationId, certificateNo, unionName,
                    email, token(), submissionCopy());
        }

        /** Stands in for the PDF registration-service makes: as large as a real one (about 60 KB). */
        byte[] submissionCopy() {
            byte[] pdf = new byte[60_000];
            new java.util.Random(applicationId.hashCode()).nextBytes(pdf);
            byte[] header = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            System.arraycopy(header, 0, pdf, 0, header.length);
            return pdf;
        }

        String token() {
            return "tok-" + applicationId;
        }

        String confirmationLink() {
            return "https://labor.example.test/register/confirm.html?applicationId=" + applicationId + "&token="
                    + token();
        }
    }

    static Application newApplication() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String certificateNo = String.valueOf(10_000_000 + Math.floorMod(suffix.hashCode(), 90_000_000));
        return new Application("R-" + suffix, certificateNo, "新北市測試產業工會" + suffix,
                "clerk-" + suffix + "@union.example");
    }

    /**
     * Sends an activation of another application to the same partition and waits for its
     * mail: the events sent before it have then been consumed.
     */
    void awaitActivationMarker() throws Exception {
        Application marker = newApplication();
        send(Topics.ACCOUNT_ACTIVATED, marker.activated());
        awaitMails(marker.email(), 1);
    }

    void send(String topic, DomainEvent event) {
        KafkaTestClient.send(brokers, topic, PARTITION, event.applicationId(), json.writeValueAsString(event));
    }

    List<MimeMessage> awaitMails(String address, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(address).size() >= count);
        List<MimeMessage> mails = mailsTo(address);
        assertThat(mails).hasSize(count);
        return mails;
    }

    static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> isTo(m, address)).toList();
    }

    static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients)
                    .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded content of the first part of the given type, searched through nested multiparts. */
    static String part(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    Notification findNotification(String kind, Application app) {
        return mongo.findById(Notification.id(kind, app.applicationId()), Notification.class);
    }

    Notification notification(String kind, Application app) {
        Notification found = findNotification(kind, app);
        assertThat(found).as("notification %s of %s", kind, app.applicationId()).isNotNull();
        return found;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
