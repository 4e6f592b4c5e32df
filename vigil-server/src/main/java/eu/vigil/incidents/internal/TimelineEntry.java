package eu.vigil.incidents.internal;

import java.time.Instant;

/**
 * One entry of an incident's timeline.
 *
 * @param kind EVENT (something that happened), ACTION (something done), NOTE, or RECORD (written by Vigil:
 *             status changes, assessments, submissions)
 */
public record TimelineEntry(long id, long incidentId, Instant occurredAt, String kind, String body, String recordedBy,
                            Instant recordedAt) {

    public static final java.util.List<String> KINDS = java.util.List.of("EVENT", "ACTION", "NOTE");
}
