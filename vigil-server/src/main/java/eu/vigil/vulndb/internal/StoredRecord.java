package eu.vigil.vulndb.internal;

import java.math.BigDecimal;
import java.time.Instant;

/** A stored record's columns (not its JSON), for lists and pages. */
public record StoredRecord(String id, String source, Instant modified, Instant published, Instant withdrawn,
                           String summary, String severity, BigDecimal cvssScore, String cvssVector) {
}
