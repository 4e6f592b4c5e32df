package eu.vigil.incidents.internal;

import static eu.vigil.incidents.internal.Incidents.at;
import static eu.vigil.incidents.internal.Incidents.instant;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The timelines of incidents: events and actions, in the order they happened. */
@Repository
public class Timeline {

    private final JdbcClient jdbc;

    Timeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(long incidentId, Instant occurredAt, String kind, String body, String user, Instant now) {
        jdbc.sql("""
                INSERT INTO incident_event (incident_id, occurred_at, kind, body, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .param(incidentId).param(at(occurredAt)).param(kind).param(body).param(user).param(at(now))
                .update();
    }

    public List<TimelineEntry> of(long incidentId) {
        return jdbc.sql("SELECT * FROM incident_event WHERE incident_id = ? ORDER BY occurred_at, id")
                .param(incidentId)
                .query((rs, n) -> new TimelineEntry(rs.getLong("id"), rs.getLong("incident_id"),
                        instant(rs, "occurred_at"), rs.getString("kind"), rs.getString("body"),
                        rs.getString("recorded_by"), instant(rs, "recorded_at")))
                .list();
    }
}
