package eu.vigil.core.osv;

import java.util.List;

/**
 * One {@code affected[]} entry: the package (ecosystem as written, such as {@code "Debian:12"},
 * name and purl; all null when the record names no package), its ranges, its enumerated
 * versions, its own severities, and {@code database_specific.severity} when present (else null).
 */
public record OsvAffected(String ecosystem, String name, String purl, List<OsvRange> ranges,
                          List<String> versions, List<OsvSeverity> severities, String databaseSeverity) {

    public OsvAffected {
        ranges = List.copyOf(ranges);
        versions = List.copyOf(versions);
        severities = List.copyOf(severities);
    }

    /** Whether the entry names a package, which is what the index needs. */
    public boolean hasPackage() {
        return ecosystem != null && name != null;
    }
}
