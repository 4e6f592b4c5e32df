package eu.vigil.incidents.internal;

import java.time.Instant;
import java.util.List;

import eu.vigil.core.incident.Deadline;
import eu.vigil.core.incident.ReportingSchedule;

/**
 * An incident's reporting clock as it stands: its deadlines and the reminders due now.
 *
 * @param incident  the incident
 * @param schedule  its Art. 23(4) deadlines
 * @param reminders the outstanding deadlines that are overdue or within their reminder window
 * @param now       the moment it was computed for
 */
public record IncidentClock(Incident incident, ReportingSchedule schedule, List<Deadline> reminders, Instant now) {

    public Verdict verdict() {
        return incident.significance().verdict();
    }

    /** Whether the deadlines bind: the incident is significant, or not yet assessed (then they may). */
    public boolean running() {
        return verdict().reportingMayBeRequired() && !schedule.outstanding().isEmpty();
    }
}
