package eu.vigil.core.osv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import eu.vigil.core.InvalidInputException;
import eu.vigil.core.version.EcosystemVersion;
import eu.vigil.core.version.VersionScheme;

/**
 * OSV records indexed by ecosystem and package, answering "which vulnerabilities affect this
 * package version?" exactly as the OSV schema's evaluation pseudocode does: a version is affected
 * when an {@code affected[].versions} list names it or a SEMVER or ECOSYSTEM range contains it
 * (ranges ORed); GIT ranges are not evaluated but reported. Withdrawn records are left out;
 * records that name each other as aliases are merged into one vulnerability.
 *
 * <p>Ecosystems: a query for {@code "Debian:12"} sees records for {@code "Debian:12"} and for
 * plain {@code "Debian"}; a query for plain {@code "Debian"} sees every Debian release. Package
 * names compare as {@link OsvPackageRef} describes (PEP 503 for PyPI).
 *
 * <p>Versions: a listed version matches when its text is the queried one, or when both parse and
 * the ecosystem orders them equal ({@code 1.0 == 1.0.0} in PyPI). A range whose event versions the
 * ecosystem does not accept, and a queried version it does not accept, are not guessed at: the
 * record is returned as {@link OsvUnevaluated} with the reason, so that a caller can report it.
 * SEMVER ranges are compared by SemVer 2.0 whatever the ecosystem; the ecosystem's own dialect
 * reads the queried version where it is a SemVer one (a leading {@code v} for Go and npm).
 *
 * <p>Built quickly: versions are parsed when a package is first queried. Immutable in what it
 * answers and safe to query from many threads.
 */
public final class OsvIndex {

    /** One {@code affected[]} entry of one record, made ready for matching. */
    private record Entry(int record, OsvAffected affected, String ecosystem, String release, VersionScheme scheme,
                         Set<String> listed,
                         EcosystemVersion[] listedParsed, List<CompiledRange> ranges) {
    }

    /** The affected entries of one package, compiled on first query: most packages are never asked for. */
    private static final class PackageEntries {

        private final List<int[]> pending = new ArrayList<>(2); // {record, affected index}
        private volatile List<Entry> compiled;

        List<Entry> compiled(OsvVulnerability[] records) {
            List<Entry> entries = compiled;
            if (entries == null) {
                synchronized (this) {
                    entries = compiled;
                    if (entries == null) {
                        List<Entry> list = new ArrayList<>(pending.size());
                        ParsedVersions parsed = new ParsedVersions();
                        for (int[] p : pending) {
                            list.add(compile(p[0], records[p[0]].affected().get(p[1]), parsed));
                        }
                        entries = List.copyOf(list);
                        compiled = entries;
                    }
                }
            }
            return entries;
        }
    }

    /** The ids of one alias group and its primary id. */
    private record Group(String primary, List<String> ids) {
    }

    private final OsvVulnerability[] records;
    private final int[] groupOf;
    private final Map<Integer, int[]> groupRecords;
    private final Map<Integer, Group> groups = new ConcurrentHashMap<>();
    private final Map<String, PackageEntries> byPackage;
    private final int withdrawn;
    private final int entriesWithoutPackage;

    private OsvIndex(OsvVulnerability[] records, int[] groupOf, Map<Integer, int[]> groupRecords,
                     Map<String, PackageEntries> byPackage, int withdrawn, int entriesWithoutPackage) {
        this.records = records;
        this.groupOf = groupOf;
        this.groupRecords = groupRecords;
        this.byPackage = byPackage;
        this.withdrawn = withdrawn;
        this.entriesWithoutPackage = entriesWithoutPackage;
    }

    /**
     * Indexes records. Withdrawn ones are counted and left out; of two records with the same id,
     * the one modified last is kept. Versions are parsed when a package is first queried.
     */
    public static OsvIndex of(Collection<OsvVulnerability> vulnerabilities) {
        Map<String, OsvVulnerability> byId = new LinkedHashMap<>();
        int withdrawn = 0;
        for (OsvVulnerability v : vulnerabilities) {
            if (v.isWithdrawn()) {
                withdrawn++;
                continue;
            }
            byId.merge(v.id(), v, (a, b) -> b.modified().compareTo(a.modified()) >= 0 ? b : a);
        }
        OsvVulnerability[] records = byId.values().toArray(OsvVulnerability[]::new);

        AliasGroups aliasGroups = new AliasGroups();
        for (OsvVulnerability v : records) {
            for (String alias : v.aliases()) {
                aliasGroups.union(v.id(), alias);
            }
        }
        Map<String, Integer> groupNumbers = new HashMap<>();
        int[] groupOf = new int[records.length];
        int[] groupSizes = new int[records.length];
        for (int i = 0; i < records.length; i++) {
            int group = groupNumbers.computeIfAbsent(aliasGroups.find(records[i].id()), r -> groupNumbers.size());
            groupOf[i] = group;
            groupSizes[group]++;
        }
        Map<Integer, int[]> groupRecords = new HashMap<>();
        for (int i = 0; i < records.length; i++) {
            if (groupSizes[groupOf[i]] > 1) {
                int[] members = groupRecords.computeIfAbsent(groupOf[i], g -> new int[0]);
                int[] grown = Arrays.copyOf(members, members.length + 1);
                grown[members.length] = i;
                groupRecords.put(groupOf[i], grown);
            }
        }

        Map<String, PackageEntries> byPackage = new HashMap<>();
        int withoutPackage = 0;
        for (int i = 0; i < records.length; i++) {
            List<OsvAffected> affected = records[i].affected();
            for (int a = 0; a < affected.size(); a++) {
                if (!affected.get(a).hasPackage()) {
                    withoutPackage++;
                    continue;
                }
                String key = key(baseOf(affected.get(a).ecosystem()), affected.get(a).name());
                byPackage.computeIfAbsent(key, k -> new PackageEntries()).pending.add(new int[] {i, a});
            }
        }
        return new OsvIndex(records, groupOf, groupRecords, byPackage, withdrawn, withoutPackage);
    }

    /** The alias group of a record: all ids of its records and their aliases, and the primary id. */
    private Group group(int record) {
        return groups.computeIfAbsent(groupOf[record], g -> {
            Set<String> ids = new TreeSet<>();
            int[] members = groupRecords.getOrDefault(g, new int[] {record});
            for (int m : members) {
                ids.add(records[m].id());
                ids.addAll(records[m].aliases());
            }
            return new Group(primaryId(ids), List.copyOf(ids));
        });
    }

    /** The CVE id when there is one, else the GHSA id, else the smallest; the same whatever the load order. */
    static String primaryId(Set<String> ids) {
        String best = null;
        for (String id : ids) {
            if (best == null || rank(id) < rank(best) || (rank(id) == rank(best) && id.compareTo(best) < 0)) {
                best = id;
            }
        }
        return best;
    }

    private static int rank(String id) {
        if (id.startsWith("CVE-")) {
            return 0;
        }
        return id.startsWith("GHSA-") ? 1 : 2;
    }

    private static Entry compile(int record, OsvAffected affected, ParsedVersions versions) {
        VersionScheme scheme = VersionScheme.forEcosystem(affected.ecosystem());
        List<EcosystemVersion> parsed = new ArrayList<>();
        for (String v : affected.versions()) {
            try {
                parsed.add(versions.parse(scheme, v));
            } catch (InvalidInputException e) {
                // kept in the exact-text set only: the schema compares listed versions as written
            }
        }
        EcosystemVersion[] listedParsed = parsed.toArray(EcosystemVersion[]::new);
        Arrays.sort(listedParsed);
        List<CompiledRange> ranges = new ArrayList<>(affected.ranges().size());
        for (OsvRange range : affected.ranges()) {
            ranges.add(CompiledRange.compile(range, scheme, versions));
        }
        return new Entry(record, affected, affected.ecosystem(), releaseOf(affected.ecosystem()), scheme,
                Set.copyOf(affected.versions()), listedParsed, List.copyOf(ranges));
    }

    private static String baseOf(String ecosystem) {
        int colon = ecosystem.indexOf(':');
        return (colon < 0 ? ecosystem : ecosystem.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
    }

    private static String releaseOf(String ecosystem) {
        int colon = ecosystem.indexOf(':');
        return colon < 0 ? null : ecosystem.substring(colon + 1).strip();
    }

    private static String key(String base, String name) {
        return base + '\u0000' + OsvPackageRef.comparableName(base, name);
    }

    /**
     * Parses the versions of every package now, on all cores, instead of at each package's first
     * query: for a server that builds the index once and then answers many queries. Returns this index.
     */
    public OsvIndex compileAll() {
        byPackage.values().parallelStream().forEach(p -> p.compiled(records));
        return this;
    }

    /** How many records are indexed (withdrawn ones and duplicates left out). */
    public int size() {
        return records.length;
    }

    /** How many withdrawn records were left out. */
    public int withdrawnCount() {
        return withdrawn;
    }

    /** How many distinct (ecosystem, package) keys the index holds. */
    public int packageCount() {
        return byPackage.size();
    }

    /** How many {@code affected[]} entries named no package and so cannot be matched by package. */
    public int entriesWithoutPackage() {
        return entriesWithoutPackage;
    }

    /** Queries one package version. */
    public OsvQueryResult query(OsvPackageRef pkg, String version) {
        return query(pkg.ecosystem(), pkg.name(), version);
    }

    /**
     * The vulnerabilities that affect {@code version} of package {@code name} in OSV ecosystem
     * {@code ecosystem} (such as {@code "PyPI"}, {@code "Debian:12"}).
     */
    public OsvQueryResult query(String ecosystem, String name, String version) {
        String base = baseOf(ecosystem);
        String release = releaseOf(ecosystem);
        PackageEntries pkg = byPackage.get(key(base, name));
        if (pkg == null) {
            return new OsvQueryResult(List.of(), List.of());
        }
        List<Entry> entries = pkg.compiled(records);
        String queried = base.equals("go") && (name.equals("stdlib") || name.equals("toolchain"))
                && version.startsWith("go") ? version.substring(2) : version;
        Map<VersionScheme, Object> parsedVersions = new HashMap<>(4);
        Map<Integer, GroupHits> hits = new LinkedHashMap<>();
        Map<Integer, List<OsvUnevaluated>> unevaluatedByRecord = new LinkedHashMap<>();
        Set<Integer> matchedRecords = new HashSet<>();
        for (Entry entry : entries) {
            if (release != null && entry.release() != null && !entry.release().equals(release)) {
                continue;
            }
            boolean listed = entry.listed().contains(queried) || listedByOrder(entry, queried, parsedVersions);
            List<CompiledRange> containing = new ArrayList<>(1);
            List<String> reasons = new ArrayList<>(1);
            for (CompiledRange range : entry.ranges()) {
                if (range.unsupportedReason() != null) {
                    reasons.add(range.unsupportedReason());
                    continue;
                }
                Object parsed = parsedVersions.computeIfAbsent(range.scheme(), s -> parseOrReason(s, queried));
                if (parsed instanceof EcosystemVersion v) {
                    if (range.contains(v)) {
                        containing.add(range);
                    }
                } else {
                    reasons.add((String) parsed);
                }
            }
            OsvVulnerability record = records[entry.record()];
            if (listed || !containing.isEmpty()) {
                matchedRecords.add(entry.record());
                hits.computeIfAbsent(groupOf[entry.record()], g -> new GroupHits()).add(entry, record, listed,
                        containing, parsedVersions);
            } else if (!reasons.isEmpty()) {
                for (String reason : new LinkedHashSet<>(reasons)) {
                    unevaluatedByRecord.computeIfAbsent(entry.record(), r -> new ArrayList<>())
                            .add(new OsvUnevaluated(record.id(), entry.ecosystem(), name, reason));
                }
            }
        }
        List<OsvMatch> matches = new ArrayList<>(hits.size());
        hits.forEach((group, groupHits) -> matches.add(groupHits.toMatch()));
        matches.sort((a, b) -> a.id().compareTo(b.id()));
        List<OsvUnevaluated> unevaluated = new ArrayList<>();
        unevaluatedByRecord.forEach((record, list) -> {
            if (!matchedRecords.contains(record) && !hits.containsKey(groupOf[record])) {
                unevaluated.addAll(list);
            }
        });
        return new OsvQueryResult(matches, unevaluated);
    }

    private static Object parseOrReason(VersionScheme scheme, String version) {
        try {
            return scheme.parse(version);
        } catch (InvalidInputException e) {
            return "queried version not evaluated: " + e.getMessage();
        }
    }

    /** A listed version equal to the queried one under the ecosystem's ordering ("1.0" == "1.0.0" in PyPI). */
    private static boolean listedByOrder(Entry entry, String version, Map<VersionScheme, Object> parsedVersions) {
        if (entry.listedParsed().length == 0) {
            return false;
        }
        Object parsed = parsedVersions.computeIfAbsent(entry.scheme(), s -> parseOrReason(s, version));
        return parsed instanceof EcosystemVersion v && Arrays.binarySearch(entry.listedParsed(), v) >= 0;
    }

    /** The hits of one alias group, merged into one {@link OsvMatch}. */
    private final class GroupHits {

        private final Set<String> recordIds = new TreeSet<>();
        private final Set<OsvSeverity> severities = new LinkedHashSet<>();
        private final Set<String> databaseSeverities = new LinkedHashSet<>();
        private final List<OsvMatch.MatchedRange> ranges = new ArrayList<>();
        private final Map<String, EcosystemVersion> fixedAbove = new LinkedHashMap<>();
        private final List<OsvVulnerability> matchedRecords = new ArrayList<>();
        private boolean listed;
        private int firstRecord = -1;

        void add(Entry entry, OsvVulnerability record, boolean listedHere, List<CompiledRange> containing,
                 Map<VersionScheme, Object> parsedVersions) {
            if (firstRecord < 0) {
                firstRecord = entry.record();
            }
            if (recordIds.add(record.id())) {
                matchedRecords.add(record);
                severities.addAll(record.severities());
                if (record.databaseSeverity() != null) {
                    databaseSeverities.add(record.databaseSeverity());
                }
            }
            severities.addAll(entry.affected().severities());
            if (entry.affected().databaseSeverity() != null) {
                databaseSeverities.add(entry.affected().databaseSeverity());
            }
            listed |= listedHere;
            for (CompiledRange range : containing) {
                ranges.add(new OsvMatch.MatchedRange(record.id(), entry.ecosystem(), range.range()));
                Object queried = parsedVersions.get(range.scheme());
                for (EcosystemVersion f : range.fixed()) {
                    if (queried instanceof EcosystemVersion q && f.compareTo(q) > 0) {
                        fixedAbove.putIfAbsent(f.text(), f);
                    }
                }
            }
        }

        OsvMatch toMatch() {
            Group group = group(firstRecord);
            String primary = group.primary();
            List<String> aliases = new ArrayList<>(group.ids());
            aliases.remove(primary);
            String summary = null;
            for (OsvVulnerability r : matchedRecords) {
                if (r.id().equals(primary) && r.summary() != null) {
                    summary = r.summary();
                }
            }
            if (summary == null) {
                summary = matchedRecords.stream().map(OsvVulnerability::summary).filter(s -> s != null)
                        .findFirst().orElse(null);
            }
            List<Map.Entry<String, EcosystemVersion>> fixed = new ArrayList<>(fixedAbove.entrySet());
            fixed.sort((a, b) -> a.getValue().scheme() == b.getValue().scheme()
                    ? a.getValue().compareTo(b.getValue())
                    : a.getKey().compareTo(b.getKey()));
            List<String> fixedVersions = fixed.stream().map(Map.Entry::getKey).toList();
            return new OsvMatch(primary, aliases, List.copyOf(recordIds), summary, List.copyOf(severities),
                    List.copyOf(databaseSeverities), ranges, listed, fixedVersions);
        }
    }

    /** Union-find over vulnerability ids, for alias merging. */
    private static final class AliasGroups {

        private final Map<String, String> parent = new HashMap<>();

        String find(String id) {
            String root = id;
            while (true) {
                String p = parent.putIfAbsent(root, root);
                if (p == null || p.equals(root)) {
                    break;
                }
                root = p;
            }
            // path compression
            String node = id;
            while (!node.equals(root)) {
                String next = parent.get(node);
                parent.put(node, root);
                node = next;
            }
            return root;
        }

        void union(String a, String b) {
            String ra = find(a);
            String rb = find(b);
            if (!ra.equals(rb)) {
                parent.put(ra.compareTo(rb) < 0 ? rb : ra, ra.compareTo(rb) < 0 ? ra : rb);
            }
        }
    }
}
