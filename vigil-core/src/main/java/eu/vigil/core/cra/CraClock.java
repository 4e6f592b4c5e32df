package eu.vigil.core.cra;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The CRA Art. 14(2) clock of an actively exploited vulnerability, started when the manufacturer
 * becomes aware that it is actively exploited:
 *
 * <ul>
 *   <li>early warning: 24 hours after becoming aware (point (a));</li>
 *   <li>vulnerability notification: 72 hours after becoming aware (point (b));</li>
 *   <li>final report: 14 days after a corrective or mitigating measure is available (point (c)),
 *       pending until then.</li>
 * </ul>
 * Hours and days are elapsed time on instants (UTC), so no daylight-saving change moves a deadline.
 * "Unless already provided" is honoured by the caller: a later report submitted early also
 * satisfies the earlier stage only if the caller records it so.
 */
public final class CraClock {

    public static final Duration EARLY_WARNING = Duration.ofHours(24);
    public static final Duration NOTIFICATION = Duration.ofHours(72);
    public static final Duration FINAL_REPORT = Duration.ofDays(14);

    private CraClock() {
    }

    /**
     * The three deadlines.
     *
     * @param awareAt          when the manufacturer became aware of the active exploitation
     * @param measureAvailable when a corrective or mitigating measure became available, or {@code null}
     * @param submitted        submission times of the reports already sent
     */
    public static List<CraDeadline> schedule(Instant awareAt, Instant measureAvailable,
            Map<CraStage, Instant> submitted) {
        Objects.requireNonNull(awareAt, "awareAt");
        Map<CraStage, Instant> sent = submitted == null ? Map.of() : submitted;
        return List.of(
                new CraDeadline(CraStage.EARLY_WARNING, awareAt.plus(EARLY_WARNING), sent.get(CraStage.EARLY_WARNING)),
                new CraDeadline(CraStage.VULNERABILITY_NOTIFICATION, awareAt.plus(NOTIFICATION),
                        sent.get(CraStage.VULNERABILITY_NOTIFICATION)),
                new CraDeadline(CraStage.FINAL_REPORT,
                        measureAvailable == null ? null : measureAvailable.plus(FINAL_REPORT),
                        sent.get(CraStage.FINAL_REPORT)));
    }
}
