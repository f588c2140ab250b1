package tw.laborcloud.notification.delivery;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The e-mail queue for operations: {@code laborcloud.mail.queue{status}} counts the notices
 * waiting to be sent (PENDING), being sent (SENDING) and given up on (FAILED). Counted on a
 * schedule rather than at scrape time, so a slow or unreachable store never stalls a scrape
 * (the gauges then keep their last values).
 */
@Component
class MailQueueMetrics {

    static final String NAME = "laborcloud.mail.queue";
    static final List<NotificationStatus> WATCHED = List.of(NotificationStatus.PENDING, NotificationStatus.SENDING,
            NotificationStatus.FAILED);

    private static final Logger log = LoggerFactory.getLogger(MailQueueMetrics.class);

    private final MongoTemplate mongo;
    private final Map<NotificationStatus, AtomicLong> counts = new EnumMap<>(NotificationStatus.class);

    MailQueueMetrics(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        for (NotificationStatus status : WATCHED) {
            AtomicLong count = new AtomicLong();
            counts.put(status, count);
            Gauge.builder(NAME, count, AtomicLong::get)
                    .description("e-mail notices by delivery status (PENDING waiting, SENDING in progress, FAILED given up)")
                    .tag("status", status.name())
                    .register(meters);
        }
    }

    // on every instance, not under a scheduler lock: each instance's gauges must show the queue (read only)
    @Scheduled(fixedDelayString = "${laborcloud.notification.metrics-interval:PT10S}")
    void refresh() {
        try {
            for (NotificationStatus status : WATCHED) {
                counts.get(status).set(mongo.count(Query.query(Criteria.where("status").is(status)),
                        Notification.COLLECTION));
            }
        } catch (RuntimeException storeDown) {
            log.debug("mail queue gauges not refreshed: {}", storeDown.toString());
        }
    }
}
