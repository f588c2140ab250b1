package tw.laborcloud.unionaffairs.filing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the tests set: "today" in Taipei is whatever day they need. */
final class MutableClock extends Clock {

    private volatile Instant now;

    MutableClock(LocalDate taipeiDay) {
        setDay(taipeiDay);
    }

    /** 10:00 in Taipei on that day. */
    void setDay(LocalDate taipeiDay) {
        now = taipeiDay.atTime(10, 0).atZone(Deadlines.TAIPEI).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        return now;
    }
}
