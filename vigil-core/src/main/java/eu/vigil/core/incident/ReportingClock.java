package eu.vigil.core.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The NIS2 Art. 23(4) reporting clock.
 *
 * <ul>
 *   <li>Early warning: 24 hours after becoming aware (point (a)).</li>
 *   <li>Incident notification: 72 hours after becoming aware (point (b)); 24 hours for a trust
 *       service provider, for incidents that impact its trust services (second subparagraph).</li>
 *   <li>Final report: one month after the incident notification was <em>submitted</em> (point (d)).
 *       Until it is submitted, the final report is shown provisionally as one month after the
 *       notification deadline, the latest it can be.</li>
 *   <li>Progress report: if the incident is still ongoing when the final report would be due, a
 *       progress report is due at that time and the final report one month after the incident
 *       was handled (point (e)).</li>
 * </ul>
 *
 * <p>Everything is computed on instants in UTC: hours are elapsed hours, so a daylight-saving
 * change in the viewer's zone never moves a deadline; "one month" is a calendar month in UTC, and a
 * day that the next month lacks becomes that month's last day (31 January to 28 or 29 February).
 * This is the cautious reading: Regulation (EEC, Euratom) No 1182/71 on time limits would let a
 * period end only at the close of the last hour or day, which is never earlier than what this
 * class answers.
 */
public final class ReportingClock {

    public static final Duration EARLY_WARNING = Duration.ofHours(24);
    public static final Duration NOTIFICATION = Duration.ofHours(72);
    public static final Duration NOTIFICATION_TRUST_SERVICE = Duration.ofHours(24);
    public static final Period FINAL_REPORT = Period.ofMonths(1);

    private ReportingClock() {
    }

    /** The deadlines for the given facts as they stand at {@code now}. */
    public static ReportingSchedule schedule(ClockFacts facts, Instant now) {
        Instant aware = facts.awareAt();
        List<Deadline> deadlines = new ArrayList<>();
        deadlines.add(new Deadline(ReportStage.EARLY_WARNING, aware.plus(EARLY_WARNING), DeadlineBasis.AWARENESS,
                facts.submittedAt(ReportStage.EARLY_WARNING)));
        Instant notificationDue = aware.plus(facts.trustServiceProvider() ? NOTIFICATION_TRUST_SERVICE : NOTIFICATION);
        Instant notificationSubmitted = facts.submittedAt(ReportStage.INCIDENT_NOTIFICATION);
        deadlines.add(new Deadline(ReportStage.INCIDENT_NOTIFICATION, notificationDue, DeadlineBasis.AWARENESS,
                notificationSubmitted));

        Instant finalDue = plusOneMonth(notificationSubmitted != null ? notificationSubmitted : notificationDue);
        DeadlineBasis finalBasis = notificationSubmitted != null
                ? DeadlineBasis.NOTIFICATION_SUBMITTED : DeadlineBasis.NOTIFICATION_DEADLINE;
        Instant finalSubmitted = facts.submittedAt(ReportStage.FINAL_REPORT);
        Instant handled = facts.handledAt();

        boolean finalInTime = finalSubmitted != null && !finalSubmitted.isAfter(finalDue);
        boolean handledInTime = handled != null && !handled.isAfter(finalDue);
        boolean stillOngoingAtFinalDue = !finalInTime && !handledInTime
                && (handled != null || !now.isBefore(finalDue));
        if (!stillOngoingAtFinalDue) {
            deadlines.add(new Deadline(ReportStage.FINAL_REPORT, finalDue, finalBasis, finalSubmitted));
        } else {
            deadlines.add(new Deadline(ReportStage.PROGRESS_REPORT, finalDue, finalBasis,
                    facts.submittedAt(ReportStage.PROGRESS_REPORT)));
            deadlines.add(new Deadline(ReportStage.FINAL_REPORT, handled == null ? null : plusOneMonth(handled),
                    DeadlineBasis.HANDLING, finalSubmitted));
        }
        return new ReportingSchedule(deadlines);
    }

    /** One calendar month later in UTC; a missing day becomes the last day of the month. */
    public static Instant plusOneMonth(Instant from) {
        return from.atOffset(ZoneOffset.UTC).plus(FINAL_REPORT).toInstant();
    }
}
