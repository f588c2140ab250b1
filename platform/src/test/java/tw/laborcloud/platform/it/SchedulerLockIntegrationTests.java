package tw.laborcloud.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import tw.laborcloud.platform.scheduling.SchedulingAutoConfiguration;
import tw.laborcloud.platform.test.ServiceInstances;

/**
 * Two instances of a service with a periodic job under the platform's scheduler lock, on one
 * database: the job runs on one instance at a time, about once per period between them (not
 * once per period on each), and goes on when one instance stops.
 */
class SchedulerLockIntegrationTests {

    static final Duration PERIOD = Duration.ofSeconds(1);
    static final Duration WORK = Duration.ofMillis(200);
    static final String RUNS = "jobRuns";

    /** A service with one periodic job; not a component, so no other test's scan picks it up. */
    @EnableAutoConfiguration
    static class ServiceWithAJob {
        @Bean
        HousekeepingJob housekeepingJob(MongoTemplate mongo, @Value("${laborcloud.test.instance}") String instance) {
            return new HousekeepingJob(mongo, instance);
        }
    }

    /** Takes {@link #WORK}, then records which instance ran it, and when. */
    static class HousekeepingJob {
        private final MongoTemplate mongo;
        private final String instance;

        HousekeepingJob(MongoTemplate mongo, String instance) {
            this.mongo = mongo;
            this.instance = instance;
        }

        @Scheduled(fixedDelayString = "PT1S")
        @SchedulerLock(name = "platform-test.housekeeping", lockAtMostFor = "PT10S", lockAtLeastFor = "PT1S")
        public void run() throws InterruptedException {
            Instant start = Instant.now();
            Thread.sleep(WORK);
            mongo.insert(new Document("instance", instance).append("start", Date.from(start))
                    .append("end", Date.from(Instant.now())), RUNS);
        }
    }

    record Run(String instance, Instant start, Instant end) {
    }

    @Test
    void aLockedJobRunsOncePerPeriodOnOneInstanceAtATimeAndGoesOnWhenAnInstanceStops() {
        Class<?>[] service = { ServiceWithAJob.class };
        try (ServiceInstances instances = new ServiceInstances()) {
            ConfigurableApplicationContext a = instances.start(service, "--spring.application.name=platform-scheduling-test",
                    "--laborcloud.test.instance=A");
            ConfigurableApplicationContext b = instances.start(service, "--spring.application.name=platform-scheduling-test",
                    "--laborcloud.test.instance=B");
            MongoTemplate mongo = b.getBean(MongoTemplate.class);
            // the runs are stored as Dates (milliseconds): the marks are too, so that the database's "since" and the
            // filter below agree on a run that starts in the very millisecond of a mark
            Instant bothUp = Instant.now().truncatedTo(ChronoUnit.MILLIS);

            await("8 runs with both instances up").atMost(Duration.ofSeconds(90))
                    .until(() -> runsSince(mongo, bothUp).size() >= 8);
            a.close();
            Instant aStopped = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            await("B runs the job once A is gone").atMost(Duration.ofSeconds(60))
                    .until(() -> runsSince(mongo, aStopped).stream().anyMatch(r -> r.instance().equals("B")));

            List<Run> runs = runsSince(mongo, Instant.EPOCH);
            for (int i = 1; i < runs.size(); i++) {
                assertThat(runs.get(i).start()).as("run %d starts after run %d ended: %s", i, i - 1, runs)
                        .isAfterOrEqualTo(runs.get(i - 1).end());
            }
            List<Run> together = runs.stream()
                    .filter(r -> !r.start().isBefore(bothUp) && r.start().isBefore(aStopped)).toList();
            assertThat(together).hasSizeGreaterThanOrEqualTo(8);
            Duration span = Duration.between(together.getFirst().start(), together.getLast().start());
            Duration averageGap = span.dividedBy(together.size() - 1);
            assertThat(averageGap).as("once per period between the two instances (twice would be about %s): %s",
                    PERIOD.plus(WORK).dividedBy(2), together)
                    .isGreaterThanOrEqualTo(PERIOD.multipliedBy(8).dividedBy(10))
                    .isLessThanOrEqualTo(PERIOD.multipliedBy(3));
            assertThat(mongo.getCollection(SchedulingAutoConfiguration.LOCKS_COLLECTION)
                    .find(new Document("_id", "platform-test.housekeeping")).first())
                    .as("the lock is a document in the service's own database").isNotNull();
        }
    }

    private static List<Run> runsSince(MongoTemplate mongo, Instant since) {
        Query query = Query.query(Criteria.where("start").gte(Date.from(since))).with(Sort.by("start"));
        return mongo.find(query, Document.class, RUNS).stream()
                .map(d -> new Run(d.getString("instance"), d.getDate("start").toInstant(), d.getDate("end").toInstant()))
                .toList();
    }
}
