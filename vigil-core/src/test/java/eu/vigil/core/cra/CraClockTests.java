package eu.vigil.core.cra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import eu.vigil.core.incident.DeadlineStatus;
import org.junit.jupiter.api.Test;

class CraClockTests {

    private static final Instant AWARE = Instant.parse("2026-10-24T22:30:00Z");

    @Test
    void earlyWarningAndNotificationCountElapsedHoursFromAwareness() {
        List<CraDeadline> deadlines = CraClock.schedule(AWARE, null, Map.of());
        assertThat(deadlines).extracting(CraDeadline::stage).containsExactly(CraStage.EARLY_WARNING,
                CraStage.VULNERABILITY_NOTIFICATION, CraStage.FINAL_REPORT);
        // across the end of summer time in the EU (25 Oct 2026): still 24 and 72 elapsed hours
        assertThat(deadlines.get(0).due()).isEqualTo(Instant.parse("2026-10-25T22:30:00Z"));
        assertThat(deadlines.get(1).due()).isEqualTo(Instant.parse("2026-10-27T22:30:00Z"));
        assertThat(deadlines.get(2).due()).isNull();
        assertThat(deadlines.get(2).status(AWARE)).isEqualTo(DeadlineStatus.PENDING);
    }

    @Test
    void finalReportIsDueFourteenDaysAfterTheCorrectiveMeasure() {
        Instant fix = Instant.parse("2026-11-02T08:00:00Z");
        CraDeadline last = CraClock.schedule(AWARE, fix, Map.of()).get(2);
        assertThat(last.due()).isEqualTo(Instant.parse("2026-11-16T08:00:00Z"));
        assertThat(last.status(Instant.parse("2026-11-16T08:00:00Z"))).isEqualTo(DeadlineStatus.OPEN);
        assertThat(last.status(Instant.parse("2026-11-16T08:00:01Z"))).isEqualTo(DeadlineStatus.OVERDUE);
        assertThat(last.remaining(Instant.parse("2026-11-15T08:00:00Z")).toHours()).isEqualTo(24);
    }

    @Test
    void submissionsAreMetOrMetLate() {
        List<CraDeadline> deadlines = CraClock.schedule(AWARE, null, Map.of(
                CraStage.EARLY_WARNING, Instant.parse("2026-10-25T22:30:00Z"),
                CraStage.VULNERABILITY_NOTIFICATION, Instant.parse("2026-10-28T00:00:00Z")));
        Instant now = Instant.parse("2026-10-30T00:00:00Z");
        assertThat(deadlines.get(0).status(now)).isEqualTo(DeadlineStatus.MET);
        assertThat(deadlines.get(1).status(now)).isEqualTo(DeadlineStatus.MET_LATE);
    }
}
