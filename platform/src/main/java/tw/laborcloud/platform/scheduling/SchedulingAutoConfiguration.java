package tw.laborcloud.platform.scheduling;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

/**
 * Periodic jobs when a service runs as several instances (ShedLock): a job whose method carries
 * {@code @SchedulerLock} runs on one instance at a time, and, with {@code lockAtLeastFor} as long
 * as its period, once per period whichever instance gets there first. A job that schedules itself
 * runs its round through the {@link LockingTaskExecutor}. The locks are documents in the service's
 * own database, collection {@value #LOCKS_COLLECTION}, one per lock name; a lock whose holder died
 * is free again after its {@code lockAtMostFor}.
 * <p>
 * The lock is taken when the method is called, so calling a locked method directly is locked too:
 * jobs keep their work in an unlocked method and lock only the scheduled entry point.
 */
@AutoConfiguration
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M", proxyTargetClass = true)
public class SchedulingAutoConfiguration {

    /** ShedLock's own default collection name, written out for operators looking for the locks. */
    public static final String LOCKS_COLLECTION = "shedLock";

    @Bean
    @ConditionalOnMissingBean
    LockProvider schedulerLockProvider(MongoTemplate mongo) {
        // majority write and read concern, so that a lock survives a failover of the replica set
        return new MongoLockProvider(mongo.getDb());
    }

    @Bean
    @ConditionalOnMissingBean
    LockingTaskExecutor lockingTaskExecutor(LockProvider locks) {
        return new DefaultLockingTaskExecutor(locks);
    }
}
