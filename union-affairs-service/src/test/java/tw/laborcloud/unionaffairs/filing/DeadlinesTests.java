package tw.laborcloud.unionaffairs.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlinesTests {

    @Test
    void aRosterIsDueThirtyDaysAfterTheElection() {
        assertThat(Deadlines.officerRosterDue(LocalDate.of(2026, 11, 5))).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(Deadlines.officerRosterDue(LocalDate.of(2026, 12, 20))).isEqualTo(LocalDate.of(2027, 1, 19));
    }

    @ParameterizedTest
    @CsvSource({
            "2026, 2026-11-15, 2026-11-30", // fifteen days
            "2026, 2026-12-31, 2027-01-15", // both the same day
            "2026, 2027-01-10, 2027-01-15", // finished late: January 15 comes first
            "2025, 2025-06-30, 2025-07-15" })
    void theMembershipAuditIsDueFifteenDaysAfterCompletionButByJanuaryFifteenth(int auditYear, LocalDate completedOn,
            LocalDate dueBy) {
        assertThat(Deadlines.membershipAuditDue(auditYear, completedOn)).isEqualTo(dueBy);
    }

    @Test
    void theDeadlineComesFromTheFormOnceItsDateIsThere() {
        LocalDate today = LocalDate.of(2026, 11, 20);
        assertThat(Deadlines.dueBy(FilingType.OFFICER_ROSTER,
                FormValues.read(FilingType.OFFICER_ROSTER, Map.of("electionDate", "2026-11-05"), today)))
                .isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(Deadlines.dueBy(FilingType.OFFICER_ROSTER, FormValues.read(FilingType.OFFICER_ROSTER, Map.of(),
                today))).isNull();
        assertThat(Deadlines.dueBy(FilingType.MEMBERSHIP_AUDIT, FormValues.read(FilingType.MEMBERSHIP_AUDIT,
                Map.of("auditYear", 2026, "completedOn", "2026-11-01"), today))).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(Deadlines.dueBy(FilingType.ADDRESS_CHANGE, FormValues.read(FilingType.ADDRESS_CHANGE,
                Map.of("meetingDate", "2026-11-01"), today))).isNull();
    }

    @Test
    void overdueMeansFirstSubmittedLateOrStillNotSubmittedPastTheDeadline() {
        LocalDate due = LocalDate.of(2026, 11, 30);
        assertThat(Deadlines.overdue(due, null, LocalDate.of(2026, 11, 30))).isFalse();
        assertThat(Deadlines.overdue(due, null, LocalDate.of(2026, 12, 1))).isTrue();
        assertThat(Deadlines.overdue(due, LocalDate.of(2026, 11, 30), LocalDate.of(2027, 3, 1))).isFalse();
        assertThat(Deadlines.overdue(due, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1))).isTrue();
        assertThat(Deadlines.overdue(null, null, LocalDate.of(2030, 1, 1))).isFalse();
    }

    @Test
    void daysLeftCountWhileNotSubmitted() {
        LocalDate due = LocalDate.of(2026, 11, 30);
        assertThat(Deadlines.daysLeft(due, null, LocalDate.of(2026, 11, 20))).isEqualTo(10);
        assertThat(Deadlines.daysLeft(due, null, LocalDate.of(2026, 12, 2))).isEqualTo(-2);
        assertThat(Deadlines.daysLeft(due, LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 22))).isNull();
        assertThat(Deadlines.daysLeft(null, null, LocalDate.of(2026, 11, 22))).isNull();
    }

    @Test
    void todayIsATaipeiCalendarDay() {
        // 2026-11-20 16:30 UTC is already 2026-11-21 00:30 in Taipei
        Clock clock = Clock.fixed(Instant.parse("2026-11-20T16:30:00Z"), ZoneOffset.UTC);
        assertThat(Deadlines.today(clock)).isEqualTo(LocalDate.of(2026, 11, 21));
    }
}
