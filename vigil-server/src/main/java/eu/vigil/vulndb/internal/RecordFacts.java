package eu.vigil.vulndb.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import eu.vigil.core.InvalidInputException;
import eu.vigil.core.cvss.Cvss;
import eu.vigil.core.cvss.CvssVector;
import eu.vigil.core.osv.OsvAffected;
import eu.vigil.core.osv.OsvPackageRef;
import eu.vigil.core.osv.OsvSeverity;
import eu.vigil.core.osv.OsvVulnerability;

/** What the store keeps in columns beside a record's JSON: times, the worst CVSS, its packages. */
final class RecordFacts {

    private RecordFacts() {
    }

    /** An RFC 3339 time as OSV writes it; a clear error for anything else. */
    static Instant time(String text, String field, String id) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(id + ": " + field + " \"" + excerpt(text) + "\" is not an RFC 3339 time");
        }
    }

    private static String excerpt(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    /** The highest-scoring valid CVSS vector of the record and its affected entries, or null. */
    static CvssVector worstCvss(OsvVulnerability v) {
        CvssVector worst = null;
        for (OsvSeverity s : allSeverities(v)) {
            if (s.type() == null || !s.type().startsWith("CVSS") || s.score() == null) {
                continue;
            }
            try {
                CvssVector parsed = Cvss.parse(s.score());
                if (worst == null || Comparator.comparingDouble(CvssVector::score).compare(parsed, worst) > 0) {
                    worst = parsed;
                }
            } catch (InvalidInputException e) {
                // a vector that does not parse gives no score; the record is kept as written
            }
        }
        return worst;
    }

    private static Set<OsvSeverity> allSeverities(OsvVulnerability v) {
        Set<OsvSeverity> all = new LinkedHashSet<>(v.severities());
        for (OsvAffected a : v.affected()) {
            all.addAll(a.severities());
        }
        return all;
    }

    static BigDecimal score(CvssVector cvss) {
        return cvss == null ? null : BigDecimal.valueOf(cvss.score()).setScale(1, RoundingMode.HALF_UP);
    }

    /** The rating: CVSS's when there is a vector, else the database's own word (GHSA's MODERATE ...). */
    static String severity(OsvVulnerability v, CvssVector cvss) {
        if (cvss != null) {
            return cvss.severity().name();
        }
        String word = v.databaseSeverity();
        if (word == null) {
            word = v.affected().stream().map(OsvAffected::databaseSeverity).filter(s -> s != null)
                    .findFirst().orElse(null);
        }
        if (word == null || word.isBlank()) {
            return null;
        }
        String upper = word.strip().toUpperCase(Locale.ROOT);
        return upper.equals("MODERATE") ? "MEDIUM" : upper.length() > 20 ? upper.substring(0, 20) : upper;
    }

    /** The packages a record names, as index keys. */
    static Set<PackageKey> packages(OsvVulnerability v) {
        Set<PackageKey> keys = new LinkedHashSet<>();
        for (OsvAffected a : v.affected()) {
            if (a.hasPackage()) {
                keys.add(PackageKey.of(new OsvPackageRef(a.ecosystem(), a.name())));
            }
        }
        return keys;
    }
}
