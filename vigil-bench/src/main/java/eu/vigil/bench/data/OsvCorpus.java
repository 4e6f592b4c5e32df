package eu.vigil.bench.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.vigil.core.osv.OsvPackageRef;

/**
 * A made-up corpus of OSV records shaped like the real ones of osv.dev (see
 * {@code testdata/osv}): GHSA records for Maven, npm and PyPI (ECOSYSTEM ranges for Maven and PyPI,
 * SEMVER for npm, enumerated versions for PyPI), GO- records with SEMVER ranges, RUSTSEC records for
 * crates.io; CVE aliases, CVSS 3.1 vectors, a {@code database_specific.severity}, CWE ids,
 * 300–1,500 characters of details and a few references. Record {@code n} is the same for a given
 * seed whatever the corpus size, and records share a pool of packages per ecosystem (as real
 * packages have several advisories), so that matching benchmarks find hits.
 */
public final class OsvCorpus {

    /** The ecosystems, in the order records cycle through them. */
    public static final List<String> ECOSYSTEMS = List.of("Maven", "npm", "PyPI", "Go", "crates.io");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = ("parser request header buffer overflow denial service remote attacker crafted "
            + "input memory allocation path traversal injection template cookie session token validation bypass "
            + "deserialization untrusted data archive extraction regular expression backtracking certificate").split(" ");
    private static final String[] CVSS = {
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
            "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N", "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N"};
    private static final String[] SEVERITY = {"CRITICAL", "HIGH", "MODERATE", "HIGH", "MODERATE", "LOW"};

    private final long seed;
    private final int packagesPerEcosystem;

    /**
     * @param seed                 the same seed gives the same records
     * @param packagesPerEcosystem how many distinct packages each ecosystem's records name
     */
    public OsvCorpus(long seed, int packagesPerEcosystem) {
        this.seed = seed;
        this.packagesPerEcosystem = Math.max(1, packagesPerEcosystem);
    }

    /** A corpus whose {@code count} records name about one package per three records. */
    public static OsvCorpus forSize(int count) {
        return new OsvCorpus(20261128L, Math.max(1, count / 3 / ECOSYSTEMS.size()));
    }

    public String ecosystemOf(int n) {
        return ECOSYSTEMS.get(n % ECOSYSTEMS.size());
    }

    /** The package record {@code n} names first (its only one, apart from one record in ten). */
    public OsvPackageRef packageOf(int n) {
        return packageName(ecosystemOf(n), random(n).nextInt(packagesPerEcosystem));
    }

    /** Package number {@code k} of an ecosystem, spelled as that ecosystem spells names. */
    public static OsvPackageRef packageName(String ecosystem, int k) {
        String base = WORDS[k % WORDS.length] + "-" + WORDS[(k / WORDS.length) % WORDS.length] + "-" + k;
        return switch (ecosystem) {
            case "Maven" -> new OsvPackageRef("Maven", "org.example" + (k % 97) + ":" + base);
            case "npm" -> new OsvPackageRef("npm", k % 4 == 0 ? "@scope" + (k % 31) + "/" + base : base);
            case "PyPI" -> new OsvPackageRef("PyPI", base.replace('-', '_'));
            case "Go" -> new OsvPackageRef("Go", "github.com/example" + (k % 53) + "/" + base);
            case "crates.io" -> new OsvPackageRef("crates.io", base.replace('-', '_'));
            default -> throw new IllegalArgumentException(ecosystem);
        };
    }

    /** The distinct packages the first {@code count} records name (for matching benchmarks). */
    public List<OsvPackageRef> packages(int count) {
        LinkedHashSet<OsvPackageRef> packages = new LinkedHashSet<>();
        for (int n = 0; n < count; n++) {
            packages.add(packageOf(n));
        }
        return List.copyOf(packages);
    }

    /** The id of record {@code n}; GHSA ids are distinct for distinct n (a bijection of n in base 20). */
    public String idOf(int n) {
        return switch (ecosystemOf(n)) {
            case "Go" -> "GO-%d-%04d".formatted(2019 + n % 8, n);
            case "crates.io" -> "RUSTSEC-%d-%04d".formatted(2019 + n % 8, n);
            default -> {
                String alphabet = "23456789cfghjmpqrvwx";
                long modulus = 4_096_000_000_000_000L; // 20^12
                long v = Math.floorMod(n * 2_654_435_761L, modulus); // odd and not a multiple of 5: a bijection
                StringBuilder code = new StringBuilder("GHSA-");
                for (int i = 0; i < 12; i++) {
                    if (i > 0 && i % 4 == 0) {
                        code.append('-');
                    }
                    code.append(alphabet.charAt((int) (v % 20)));
                    v /= 20;
                }
                yield code.toString();
            }
        };
    }

    private SplittableRandom random(int n) {
        return new SplittableRandom(seed * 1_000_003L + n);
    }

    /** Record {@code n} as OSV JSON. */
    public byte[] record(int n) {
        SplittableRandom r = random(n);
        r.nextInt(packagesPerEcosystem); // the package, as packageOf draws it
        String ecosystem = ecosystemOf(n);
        ObjectNode v = JSON.createObjectNode();
        v.put("schema_version", "1.6.0");
        v.put("id", idOf(n));
        int year = 2019 + n % 8;
        String published = "%d-%02d-%02dT%02d:%02d:00Z".formatted(year, 1 + r.nextInt(12), 1 + r.nextInt(28),
                r.nextInt(24), r.nextInt(60));
        v.put("modified", "%d-%02d-%02dT10:00:00Z".formatted(Math.min(year + 1, 2026), 1 + r.nextInt(12), 1 + r.nextInt(28)));
        v.put("published", published);
        ArrayNode aliases = v.putArray("aliases");
        if (!ecosystem.equals("crates.io") || r.nextInt(3) == 0) {
            aliases.add("CVE-%d-%05d".formatted(year, 10_000 + n % 90_000));
        }
        v.put("summary", sentence(r, 6 + r.nextInt(8)));
        StringBuilder details = new StringBuilder();
        int length = 300 + r.nextInt(1200);
        while (details.length() < length) {
            details.append(sentence(r, 8 + r.nextInt(12))).append(' ');
        }
        v.put("details", details.toString().strip());
        int s = r.nextInt(CVSS.length);
        v.putArray("severity").addObject().put("type", "CVSS_V3").put("score", CVSS[s]);
        int affectedCount = r.nextInt(10) == 0 ? 2 : 1;
        ArrayNode affected = v.putArray("affected");
        for (int a = 0; a < affectedCount; a++) {
            OsvPackageRef pkg = a == 0 ? packageOf(n) : packageName(ecosystem, r.nextInt(packagesPerEcosystem));
            affected.add(affected(r, pkg));
        }
        ArrayNode references = v.putArray("references");
        references.addObject().put("type", "ADVISORY").put("url", "https://github.com/advisories/" + idOf(n));
        for (int i = 0; i < 1 + r.nextInt(4); i++) {
            references.addObject().put("type", i == 0 ? "FIX" : "WEB")
                    .put("url", "https://example.org/" + ecosystem.toLowerCase(Locale.ROOT) + "/" + n + "/" + i);
        }
        ObjectNode specific = v.putObject("database_specific");
        specific.put("severity", SEVERITY[s]);
        specific.putArray("cwe_ids").add("CWE-" + (20 + r.nextInt(900)));
        specific.put("github_reviewed", true);
        try {
            return JSON.writeValueAsBytes(v);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode affected(SplittableRandom r, OsvPackageRef pkg) {
        ObjectNode entry = JSON.createObjectNode();
        ObjectNode p = entry.putObject("package");
        p.put("ecosystem", pkg.ecosystem());
        p.put("name", pkg.name());
        boolean semver = pkg.ecosystem().equals("npm") || pkg.ecosystem().equals("Go") || pkg.ecosystem().equals("crates.io");
        ArrayNode ranges = entry.putArray("ranges");
        ObjectNode range = ranges.addObject();
        range.put("type", semver ? "SEMVER" : "ECOSYSTEM");
        ArrayNode events = range.putArray("events");
        int major = r.nextInt(6);
        int pairs = 1 + r.nextInt(3);
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            int m = major + i;
            events.addObject().put("introduced", i == 0 && r.nextBoolean() ? "0" : m + ".0.0");
            // OSV allows last_affected only in a range without fixed events
            if (pairs == 1 && r.nextInt(8) == 0) {
                events.addObject().put("last_affected", m + "." + (1 + r.nextInt(9)) + ".0");
            } else {
                int minor = 1 + r.nextInt(9);
                events.addObject().put("fixed", m + "." + minor + "." + r.nextInt(5));
                for (int k = 0; k < minor && listed.size() < 40; k++) {
                    listed.add(m + "." + k + ".0");
                }
            }
        }
        if (pkg.ecosystem().equals("PyPI")) {
            ArrayNode versions = entry.putArray("versions");
            listed.forEach(versions::add);
        }
        entry.putObject("database_specific").put("source", "https://example.org/advisories");
        return entry;
    }

    private static String sentence(SplittableRandom r, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w = WORDS[r.nextInt(WORDS.length)];
            s.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w).append(i == words - 1 ? "." : " ");
        }
        return s.toString();
    }

    /** Writes records {@code 0 .. count-1} as an osv.dev-style zip (one {@code ID.json} per entry). */
    public Path writeZip(Path zip, int count) throws IOException {
        if (zip.getParent() != null) {
            Files.createDirectories(zip.getParent());
        }
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (int n = 0; n < count; n++) {
                z.putNextEntry(new ZipEntry(idOf(n) + ".json"));
                z.write(record(n));
                z.closeEntry();
            }
        }
        return zip;
    }

    /** {@code java ... OsvCorpus COUNT ZIP}: writes a corpus zip. */
    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path zip = Path.of(args.length > 1 ? args[1] : "osv-corpus-" + count + ".zip");
        forSize(count).writeZip(zip, count);
        System.out.printf("%,d records written to %s (%,d bytes)%n", count, zip, Files.size(zip));
        System.out.println(new String(forSize(count).record(0), StandardCharsets.UTF_8).substring(0, 200) + "…");
    }
}
