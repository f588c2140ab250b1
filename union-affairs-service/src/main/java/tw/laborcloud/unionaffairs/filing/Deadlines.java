package tw.laborcloud.unionaffairs.filing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The legal deadlines of filings, in Taipei calendar days: a roster of newly elected
 * officers within 30 days of the election; the membership audit within 15 days of its
 * completion and by January 15 of the next year, whichever comes first.
 */
final class Deadlines {

    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    static final int OFFICER_ROSTER_DAYS = 30;
    static final int MEMBERSHIP_AUDIT_DAYS = 15;

    private Deadlines() {
    }

    static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), TAIPEI);
    }

    static LocalDate dayOf(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, TAIPEI);
    }

    static LocalDate officerRosterDue(LocalDate electionDate) {
        return electionDate.plusDays(OFFICER_ROSTER_DAYS);
    }

    /** The earlier of 15 days after completion and January 15 after the audit year. */
    static LocalDate membershipAuditDue(int auditYear, LocalDate completedOn) {
        LocalDate fifteenDays = completedOn.plusDays(MEMBERSHIP_AUDIT_DAYS);
        LocalDate januaryFifteenth = LocalDate.of(auditYear + 1, 1, 15);
        return fifteenDays.isBefore(januaryFifteenth) ? fifteenDays : januaryFifteenth;
    }

    /** The deadline the form's dates give, or null (no deadline for the type, or the date not filled in yet). */
    static LocalDate dueBy(FilingType type, FormValues form) {
        return switch (type) {
            case OFFICER_ROSTER -> form.get("electionDate", LocalDate.class).map(Deadlines::officerRosterDue)
                    .orElse(null);
            case MEMBERSHIP_AUDIT -> form.get("completedOn", LocalDate.class)
                    .map(completedOn -> membershipAuditDue(
                            form.get("auditYear", Integer.class).orElse(completedOn.getYear()), completedOn))
                    .orElse(null);
            default -> null;
        };
    }

    /**
     * Late when first submitted after the deadline, or not yet submitted and today is past
     * it. A resubmission after a return is a correction the bureau asked for, so it is the
     * first submission that counts.
     */
    static boolean overdue(LocalDate dueBy, LocalDate firstSubmittedOn, LocalDate today) {
        if (dueBy == null) {
            return false;
        }
        return firstSubmittedOn != null ? firstSubmittedOn.isAfter(dueBy) : today.isAfter(dueBy);
    }

    /** Days until the deadline while the filing is not yet submitted (negative when past); null otherwise. */
    static Long daysLeft(LocalDate dueBy, LocalDate firstSubmittedOn, LocalDate today) {
        return dueBy == null || firstSubmittedOn != null ? null : ChronoUnit.DAYS.between(today, dueBy);
    }
}
