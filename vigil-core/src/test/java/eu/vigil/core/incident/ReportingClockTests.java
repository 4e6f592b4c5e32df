package eu.vigil.core.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportingClockTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Instant utc(String text) {
        return Instant.parse(text);
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static ReportingSchedule schedule(ClockFacts facts) {
        return ReportingClock.schedule(facts, facts.awareAt());
    }

    @Test
    void earlyWarningIs24AndNotification72HoursAfterAwareness() {
        ReportingSchedule s = schedule(ClockFacts.awareAt(utc("2026-05-04T10:15:30Z"), false));
        assertThat(s.earlyWarningDue()).isEqualTo(utc("2026-05-05T10:15:30Z"));
        assertThat(s.notificationDue()).isEqualTo(utc("2026-05-07T10:15:30Z"));
    }

    @Test
    void trustServiceProvidersNotifyWithin24Hours() {
        ReportingSchedule s = schedule(ClockFacts.awareAt(utc("2026-05-04T10:00:00Z"), true));
        assertThat(s.notificationDue()).isEqualTo(utc("2026-05-05T10:00:00Z"));
        assertThat(s.earlyWarningDue()).isEqualTo(utc("2026-05-05T10:00:00Z"));
    }

    @Test
    void finalReportIsOneMonthAfterTheNotificationWasSubmitted() {
        ClockFacts facts = ClockFacts.awareAt(utc("2026-05-04T10:00:00Z"), false)
                .withSubmitted(ReportStage.INCIDENT_NOTIFICATION, utc("2026-05-05T08:30:00Z"));
        Deadline finalReport = schedule(facts).deadline(ReportStage.FINAL_REPORT).orElseThrow();
        assertThat(finalReport.due()).isEqualTo(utc("2026-06-05T08:30:00Z"));
        assertThat(finalReport.basis()).isEqualTo(DeadlineBasis.NOTIFICATION_SUBMITTED);
    }

    @Test
    void finalReportIsProvisionalUntilTheNotificationIsSubmitted() {
        Deadline finalReport = schedule(ClockFacts.awareAt(utc("2026-05-04T10:00:00Z"), false))
                .deadline(ReportStage.FINAL_REPORT).orElseThrow();
        assertThat(finalReport.due()).isEqualTo(utc("2026-06-07T10:00:00Z"));
        assertThat(finalReport.basis()).isEqualTo(DeadlineBasis.NOTIFICATION_DEADLINE);
    }

    @Nested
    class MonthEnds {

        @ParameterizedTest(name = "{0} + 1 month = {1}")
        @CsvSource({
                "2025-01-31T12:00:00Z, 2025-02-28T12:00:00Z",
                "2024-01-31T12:00:00Z, 2024-02-29T12:00:00Z", // leap year
                "2024-01-30T23:59:59Z, 2024-02-29T23:59:59Z",
                "2025-01-28T00:00:00Z, 2025-02-28T00:00:00Z",
                "2024-02-29T09:00:00Z, 2024-03-29T09:00:00Z",
                "2025-03-31T09:00:00Z, 2025-04-30T09:00:00Z",
                "2025-08-31T09:00:00Z, 2025-09-30T09:00:00Z",
                "2025-12-31T22:00:00Z, 2026-01-31T22:00:00Z", // year end
                "2100-01-31T12:00:00Z, 2100-02-28T12:00:00Z", // 2100 is no leap year
                "2000-01-31T12:00:00Z, 2000-02-29T12:00:00Z"  // 2000 is
        })
        void oneMonthIsACalendarMonthInUtc(String from, String expected) {
            assertThat(ReportingClock.plusOneMonth(utc(from))).isEqualTo(utc(expected));
        }

        @Test
        void notificationOn31JanuaryGivesAFinalReportAtTheEndOfFebruary() {
            ClockFacts facts = ClockFacts.awareAt(utc("2025-01-29T16:00:00Z"), false)
                    .withSubmitted(ReportStage.INCIDENT_NOTIFICATION, utc("2025-01-31T16:00:00Z"));
            assertThat(schedule(facts).finalReportDue()).isEqualTo(utc("2025-02-28T16:00:00Z"));
        }

        @Test
        void monthIsCountedInUtcNotInTheViewersZone() {
            // 1 Feb 00:30 in Berlin is still 31 Jan in UTC: the month runs from 31 Jan UTC.
            ClockFacts facts = ClockFacts.awareAt(berlin("2025-01-30T10:00"), false)
                    .withSubmitted(ReportStage.INCIDENT_NOTIFICATION, berlin("2025-02-01T00:30"));
            assertThat(schedule(facts).finalReportDue()).isEqualTo(utc("2025-02-28T23:30:00Z"));
        }
    }

    @Nested
    class DaylightSaving {

        @Test
        void springForwardInBerlinShowsTheEarlyWarningAnHourLaterOnTheClock() {
            // 29 March 2025 10:00 CET; clocks go to CEST on 30 March at 02:00.
            Instant aware = berlin("2025-03-29T10:00");
            ReportingSchedule s = schedule(ClockFacts.awareAt(aware, false));
            assertThat(Duration.between(aware, s.earlyWarningDue())).isEqualTo(Duration.ofHours(24));
            ZonedDateTime local = s.earlyWarningDue().atZone(BERLIN);
            assertThat(local.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2025-03-30T11:00"));
            assertThat(local.getOffset().getTotalSeconds()).isEqualTo(7200);
        }

        @Test
        void fallBackInBerlinShowsTheNotificationAnHourEarlierOnTheClock() {
            // 24 October 2025 09:00 CEST; clocks go back to CET on 26 October at 03:00.
            Instant aware = berlin("2025-10-24T09:00");
            ReportingSchedule s = schedule(ClockFacts.awareAt(aware, false));
            assertThat(Duration.between(aware, s.notificationDue())).isEqualTo(Duration.ofHours(72));
            assertThat(s.notificationDue().atZone(BERLIN).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2025-10-27T08:00"));
        }

        @Test
        void awarenessInTheRepeatedHourKeepsExactly24Hours() {
            // 26 October 2025 02:30 happens twice in Berlin; the second one is 01:30 UTC.
            Instant aware = utc("2025-10-26T01:30:00Z");
            assertThat(aware.atZone(BERLIN).toLocalTime().toString()).isEqualTo("02:30");
            assertThat(schedule(ClockFacts.awareAt(aware, false)).earlyWarningDue()).isEqualTo(utc("2025-10-27T01:30:00Z"));
        }

        @Test
        void oneMonthAcrossTheSpringChangeKeepsTheUtcTime() {
            ClockFacts facts = ClockFacts.awareAt(berlin("2025-03-12T09:00"), false)
                    .withSubmitted(ReportStage.INCIDENT_NOTIFICATION, berlin("2025-03-15T10:00"));
            Instant due = schedule(facts).finalReportDue();
            assertThat(due).isEqualTo(utc("2025-04-15T09:00:00Z"));
            assertThat(due.atZone(BERLIN).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2025-04-15T11:00"));
        }
    }

    @Nested
    class ProgressReport {

        private final ClockFacts notified = ClockFacts.awareAt(utc("2026-01-10T08:00:00Z"), false)
                .withSubmitted(ReportStage.INCIDENT_NOTIFICATION, utc("2026-01-12T08:00:00Z"));

        @Test
        void noProgressReportWhileTheFinalReportIsNotYetDue() {
            ReportingSchedule s = ReportingClock.schedule(notified, utc("2026-02-12T07:59:59Z"));
            assertThat(s.progressReportDue()).isNull();
            assertThat(s.finalReportDue()).isEqualTo(utc("2026-02-12T08:00:00Z"));
        }

        @Test
        void stillOngoingWhenTheFinalReportIsDueAsksForAProgressReport() {
            ReportingSchedule s = ReportingClock.schedule(notified, utc("2026-02-12T08:00:00Z"));
            assertThat(s.progressReportDue()).isEqualTo(utc("2026-02-12T08:00:00Z"));
            Deadline finalReport = s.deadline(ReportStage.FINAL_REPORT).orElseThrow();
            assertThat(finalReport.due()).isNull();
            assertThat(finalReport.status(utc("2026-02-13T00:00:00Z"))).isEqualTo(DeadlineStatus.PENDING);
        }

        @Test
        void afterHandlingTheFinalReportIsDueOneMonthLater() {
            ClockFacts handled = notified.withSubmitted(ReportStage.PROGRESS_REPORT, utc("2026-02-11T12:00:00Z"))
                    .withHandledAt(utc("2026-03-31T18:00:00Z"));
            ReportingSchedule s = ReportingClock.schedule(handled, utc("2026-04-01T00:00:00Z"));
            assertThat(s.progressReportDue()).isEqualTo(utc("2026-02-12T08:00:00Z"));
            assertThat(s.deadline(ReportStage.PROGRESS_REPORT).orElseThrow().status(utc("2026-04-01T00:00:00Z")))
                    .isEqualTo(DeadlineStatus.MET);
            Deadline finalReport = s.deadline(ReportStage.FINAL_REPORT).orElseThrow();
            assertThat(finalReport.due()).isEqualTo(utc("2026-04-30T18:00:00Z"));
            assertThat(finalReport.basis()).isEqualTo(DeadlineBasis.HANDLING);
        }

        @Test
        void handledBeforeTheDueTimeNeedsNoProgressReport() {
            ReportingSchedule s = ReportingClock.schedule(notified.withHandledAt(utc("2026-02-01T00:00:00Z")),
                    utc("2026-03-01T00:00:00Z"));
            assertThat(s.progressReportDue()).isNull();
            assertThat(s.deadline(ReportStage.FINAL_REPORT).orElseThrow().status(utc("2026-03-01T00:00:00Z")))
                    .isEqualTo(DeadlineStatus.OVERDUE);
        }
    }

    @Test
    void statusDistinguishesOpenOverdueMetAndLate() {
        Instant aware = utc("2026-05-04T10:00:00Z");
        Deadline open = schedule(ClockFacts.awareAt(aware, false)).deadline(ReportStage.EARLY_WARNING).orElseThrow();
        assertThat(open.status(utc("2026-05-05T10:00:00Z"))).isEqualTo(DeadlineStatus.OPEN);
        assertThat(open.status(utc("2026-05-05T10:00:01Z"))).isEqualTo(DeadlineStatus.OVERDUE);
        assertThat(open.remaining(utc("2026-05-05T09:00:00Z"))).isEqualTo(Duration.ofHours(1));

        ClockFacts onTime = ClockFacts.awareAt(aware, false).withSubmitted(ReportStage.EARLY_WARNING, utc("2026-05-05T10:00:00Z"));
        assertThat(schedule(onTime).deadline(ReportStage.EARLY_WARNING).orElseThrow().status(aware)).isEqualTo(DeadlineStatus.MET);
        ClockFacts late = ClockFacts.awareAt(aware, false).withSubmitted(ReportStage.EARLY_WARNING, utc("2026-05-05T10:00:01Z"));
        assertThat(schedule(late).deadline(ReportStage.EARLY_WARNING).orElseThrow().status(aware)).isEqualTo(DeadlineStatus.MET_LATE);
    }

    @Test
    void outstandingListsTheSoonestFirst() {
        ClockFacts facts = ClockFacts.awareAt(utc("2026-05-04T10:00:00Z"), false)
                .withSubmitted(ReportStage.EARLY_WARNING, utc("2026-05-04T20:00:00Z"));
        ReportingSchedule s = schedule(facts);
        assertThat(s.outstanding()).extracting(Deadline::stage)
                .containsExactly(ReportStage.INCIDENT_NOTIFICATION, ReportStage.FINAL_REPORT);
        assertThat(s.next()).map(Deadline::stage).contains(ReportStage.INCIDENT_NOTIFICATION);
    }

    @Test
    void countdownReadsNaturally() {
        assertThat(Countdown.describe(Duration.ofHours(49).plusMinutes(5))).isEqualTo("2 d 1 h 5 min left");
        assertThat(Countdown.describe(Duration.ofMinutes(-90))).isEqualTo("overdue by 1 h 30 min");
        assertThat(Countdown.describe(Duration.ofSeconds(59))).isEqualTo("0 min left");
        assertThat(Countdown.describe(null)).isEqualTo("not yet known");
    }
}
