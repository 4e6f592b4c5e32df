package eu.vigil.core.osv;

import java.util.List;

/**
 * One vulnerability that affects a queried package version. Records that name each other as
 * aliases (a CVE, its GHSA, a PYSEC) are one vulnerability with one stable primary id: the CVE id
 * when there is one, else the GHSA id, else the smallest id.
 *
 * @param id                 the primary id
 * @param aliases            the other ids of the vulnerability, sorted
 * @param recordIds          the ids of the loaded records that matched, sorted
 * @param summary            the summary of the primary record, or of the first matched one; null when none
 * @param severities         {@code severity[]} entries of the matched records and their affected entries
 * @param databaseSeverities {@code database_specific.severity} values of those, such as "HIGH"
 * @param ranges             the SEMVER or ECOSYSTEM ranges that contain the version
 * @param listed             whether an {@code affected[].versions} list names the version
 * @param fixedVersions      the {@code fixed} versions of the matched ranges above the queried version,
 *                           lowest first
 */
public record OsvMatch(String id, List<String> aliases, List<String> recordIds, String summary,
                       List<OsvSeverity> severities, List<String> databaseSeverities, List<MatchedRange> ranges,
                       boolean listed, List<String> fixedVersions) {

    public OsvMatch {
        aliases = List.copyOf(aliases);
        recordIds = List.copyOf(recordIds);
        severities = List.copyOf(severities);
        databaseSeverities = List.copyOf(databaseSeverities);
        ranges = List.copyOf(ranges);
        fixedVersions = List.copyOf(fixedVersions);
    }

    /** A range of one record that contains the queried version, with its fixed versions. */
    public record MatchedRange(String recordId, String ecosystem, OsvRange range) {

        /** The {@code fixed} events of the range, as written. */
        public List<String> fixed() {
            return range.versionsOf(OsvEvent.Kind.FIXED);
        }
    }
}
