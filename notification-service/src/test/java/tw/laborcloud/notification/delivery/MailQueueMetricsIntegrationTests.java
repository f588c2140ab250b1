package tw.laborcloud.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import tw.laborcloud.platform.test.LocalTestInfra;

/** The e-mail queue gauges count the notices per delivery status. */
@SpringBootTest(properties = "laborcloud.notification.metrics-interval=PT1H")
@DirtiesContext
class MailQueueMetricsIntegrationTests {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        LocalTestInfra.register(registry);
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    MailQueueMetrics metrics;
    @Autowired
    MeterRegistry meters;

    @Test
    void countsPendingSendingAndFailedNotices() {
        Instant later = Instant.now().plus(Duration.ofHours(1)); // not due: the dispatcher leaves them alone
        insert(NotificationStatus.PENDING, later, null);
        insert(NotificationStatus.PENDING, later, null);
        insert(NotificationStatus.SENDING, null, later);
        insert(NotificationStatus.FAILED, null, null);
        insert(NotificationStatus.SENT, null, null);

        metrics.refresh();

        assertThat(gauge("PENDING")).isEqualTo(2);
        assertThat(gauge("SENDING")).isEqualTo(1);
        assertThat(gauge("FAILED")).isEqualTo(1);
    }

    private double gauge(String status) {
        return meters.get(MailQueueMetrics.NAME).tag("status", status).gauge().value();
    }

    /** A raw document with only what the dispatcher and the gauges read: the queue counts by status. */
    private void insert(NotificationStatus status, Instant nextAttemptAt, Instant leaseUntil) {
        Document notice = new Document("_id", "TEST:M-" + UUID.randomUUID()).append("status", status.name());
        if (nextAttemptAt != null) {
            notice.append("nextAttemptAt", Date.from(nextAttemptAt));
        }
        if (leaseUntil != null) {
            notice.append("leaseUntil", Date.from(leaseUntil));
        }
        mongo.insert(notice, Notification.COLLECTION);
    }
}
