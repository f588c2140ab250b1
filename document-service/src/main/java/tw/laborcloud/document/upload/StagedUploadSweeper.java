package tw.laborcloud.document.upload;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Deletes uploads nobody claimed before their expiry (content and record). The store has
 * no TTL index everywhere (the MongoDB-wire server has none), and a TTL index could not
 * remove the GridFS chunks anyway.
 * <p>
 * With several instances of the service the periodic sweep runs once per interval between them:
 * two sweeps at once would do no harm (every delete is by query) but walk the same expired
 * uploads twice. Its lock is held for the whole interval, so the interval must stay within the
 * lock's hour (ShedLock refuses a lockAtLeastFor longer than lockAtMostFor, and the sweep with it).
 */
@Component
public class StagedUploadSweeper {

    private static final Logger log = LoggerFactory.getLogger(StagedUploadSweeper.class);
    private static final int BATCH = 100;
    /** Instances' clocks differ a little; keep clear of an upload claimed right at its expiry. */
    private static final Duration GRACE = Duration.ofMinutes(1);

    private final Uploads uploads;
    private final Clock clock;

    StagedUploadSweeper(Uploads uploads, Clock clock) {
        this.uploads = uploads;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${laborcloud.documents.sweep-interval:PT5M}",
            initialDelayString = "${laborcloud.documents.sweep-interval:PT5M}")
    @SchedulerLock(name = "document.staged-upload-sweep", lockAtMostFor = "PT1H",
            lockAtLeastFor = "${laborcloud.documents.sweep-interval:PT5M}")
    public void sweepPeriodically() {
        sweep();
    }

    /** Deletes what expired now (not locked: the caller decides); returns how many uploads went. */
    public int sweep() {
        int total = 0;
        int deleted;
        do {
            deleted = uploads.deleteStagedExpiredBefore(clock.instant().minus(GRACE), BATCH);
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("deleted {} expired staged uploads", total);
        }
        return total;
    }
}
