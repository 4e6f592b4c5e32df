package eu.vigil.incidents;

import java.time.Instant;

/**
 * An incident was recorded in the register.
 *
 * @param incidentId the incident's id
 * @param awareAt    when the entity became aware of it (start of the reporting clock)
 */
public record IncidentOpened(long incidentId, Instant awareAt) {
}
