package tw.laborcloud.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;

import com.mongodb.client.result.UpdateResult;

import tw.laborcloud.platform.inbound.AppliedEvents;

/**
 * The first events of an aggregate that does not exist yet, arriving together on several
 * topics (each consumed on its own thread, as after a restart that catches up): every one
 * of them must be applied, none taken for "already applied" because another one created the
 * aggregate a moment earlier.
 * <p>
 * On MongoDB two such upserts race: both find no document, both insert, one fails with a
 * duplicate key (E11000; the server retries such an upsert itself only when its filter is
 * nothing but equalities on the unique key, and ours also says "event not yet applied").
 * The MongoDB-wire stand-in serialises writes per collection and never loses that race, so
 * the first scenario can only fail against real {@code mongo:8} (the container sibling);
 * the second makes the loser's side of the race happen on any store, exactly as MongoDB
 * reports it: the competitor's insert lands, the upsert fails with a duplicate key.
 */
@SpringBootTest(classes = PlatformTestApplication.class, properties = "spring.application.name=platform-race")
@DirtiesContext
abstract class AppliedEventsRaceScenarios {

    private static final int AGGREGATES = 300;
    private static final String[] TOPICS = { "submitted", "verified", "confirmed" };

    @Autowired
    MongoTemplate mongo;
    @Autowired
    AppliedEvents appliedEvents;

    @Test
    void firstEventsOfNewAggregatesArrivingTogetherAreAllApplied() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger reportedApplied = new AtomicInteger();
        CyclicBarrier together = new CyclicBarrier(TOPICS.length);
        ExecutorService consumers = Executors.newFixedThreadPool(TOPICS.length);
        try {
            List<Future<?>> threads = new ArrayList<>();
            for (String topic : TOPICS) {
                threads.add(consumers.submit(() -> {
                    for (int i = 0; i < AGGREGATES; i++) {
                        together.await();
                        if (appliedEvents.applyOnce("cases", run + "-" + i, topic + "-" + run + "-" + i,
                                new Update().set(topic, true))) {
                            reportedApplied.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> thread : threads) {
                thread.get();
            }
        } finally {
            consumers.shutdownNow();
        }

        List<String> incomplete = new ArrayList<>();
        for (int i = 0; i < AGGREGATES; i++) {
            Document aggregate = mongo.findById(run + "-" + i, Document.class, "cases");
            for (String topic : TOPICS) {
                if (aggregate == null || !Boolean.TRUE.equals(aggregate.getBoolean(topic))) {
                    incomplete.add(run + "-" + i + " lacks " + topic);
                }
            }
        }
        assertThat(incomplete).as("events lost to a concurrent first insert").isEmpty();
        assertThat(reportedApplied).as("each event reported applied exactly once").hasValue(AGGREGATES * TOPICS.length);
    }

    @Test
    void anUpsertThatLosesTheInsertRaceIsAppliedToTheAggregateTheWinnerCreated() {
        String aggregateId = "lost-race-" + UUID.randomUUID();
        AppliedEvents competitor = appliedEvents;
        AppliedEvents loser = new AppliedEvents(new LosingTheInsertRace(mongo, () -> competitor.applyOnce("cases",
                aggregateId, "verified-" + aggregateId, new Update().set("verified", true))));

        boolean applied = loser.applyOnce("cases", aggregateId, "submitted-" + aggregateId,
                new Update().set("submitted", true));

        Document aggregate = mongo.findById(aggregateId, Document.class, "cases");
        assertThat(aggregate.getBoolean("verified")).isTrue();
        assertThat(aggregate.getBoolean("submitted")).as("the loser's event on the winner's aggregate").isTrue();
        assertThat(applied).isTrue();
        assertThat(aggregate.getList(AppliedEvents.FIELD, String.class))
                .containsExactlyInAnyOrder("verified-" + aggregateId, "submitted-" + aggregateId);
        // and the redelivery of the loser's event afterwards is recognised as applied
        assertThat(appliedEvents.applyOnce("cases", aggregateId, "submitted-" + aggregateId,
                new Update().set("submitted", false))).isFalse();
        assertThat(mongo.findById(aggregateId, Document.class, "cases").getBoolean("submitted")).isTrue();
    }

    @Test
    void anEventDeliveredTwiceAtTheSameMomentIsAppliedOnce() throws Exception {
        String aggregateId = "twice-" + UUID.randomUUID();
        CyclicBarrier together = new CyclicBarrier(4);
        ExecutorService redeliveries = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(redeliveries.submit(() -> {
                    together.await();
                    return appliedEvents.applyOnce("cases", aggregateId, "only-once", new Update().inc("count", 1));
                }));
            }
            int applied = 0;
            for (Future<Boolean> result : results) {
                applied += result.get() ? 1 : 0;
            }
            assertThat(applied).isEqualTo(1);
        } finally {
            redeliveries.shutdownNow();
        }
        assertThat(mongo.findById(aggregateId, Document.class, "cases").getInteger("count")).isEqualTo(1);
    }

    /**
     * A store on which the first upsert loses the insert race as it does on MongoDB: a
     * concurrent writer creates the aggregate after the upsert's filter found nothing, and
     * the upsert's insert then fails with E11000. Later calls go straight to the store.
     */
    static final class LosingTheInsertRace extends MongoTemplate {

        private final Runnable competitor;
        private boolean raced;

        LosingTheInsertRace(MongoTemplate real, Runnable competitor) {
            super(real.getMongoDatabaseFactory(), (MongoConverter) real.getConverter());
            this.competitor = competitor;
        }

        @Override
        public UpdateResult upsert(Query query, UpdateDefinition update, String collectionName) {
            if (!raced) {
                raced = true;
                competitor.run();
                throw new DuplicateKeyException("E11000 duplicate key error collection: " + collectionName
                        + " index: _id_ (the upsert's insert collided with a concurrent insert)");
            }
            return super.upsert(query, update, collectionName);
        }
    }
}
