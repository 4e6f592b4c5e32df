package eu.vigil.core.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The deadlines of one incident, in the order they fall due. The progress report appears only
 * once the incident is still ongoing when the final report would have been due.
 */
public record ReportingSchedule(List<Deadline> deadlines) {

    public ReportingSchedule {
        deadlines = List.copyOf(deadlines);
    }

    public Optional<Deadline> deadline(ReportStage stage) {
        return deadlines.stream().filter(d -> d.stage() == stage).findFirst();
    }

    public Instant earlyWarningDue() {
        return due(ReportStage.EARLY_WARNING);
    }

    public Instant notificationDue() {
        return due(ReportStage.INCIDENT_NOTIFICATION);
    }

    /** The final report's due time, or {@code null} while it cannot be known (ongoing after a progress report). */
    public Instant finalReportDue() {
        return due(ReportStage.FINAL_REPORT);
    }

    /** The progress report's due time, or {@code null} when none is needed (so far). */
    public Instant progressReportDue() {
        return due(ReportStage.PROGRESS_REPORT);
    }

    /** Deadlines not yet met, soonest first (pending ones last). */
    public List<Deadline> outstanding() {
        return deadlines.stream().filter(Deadline::outstanding)
                .sorted(java.util.Comparator.comparing(Deadline::due, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .toList();
    }

    /** The next outstanding deadline that has a due time. */
    public Optional<Deadline> next() {
        return outstanding().stream().filter(d -> d.due() != null).findFirst();
    }

    private Instant due(ReportStage stage) {
        return deadline(stage).map(Deadline::due).orElse(null);
    }
}
