package eu.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.cvss.CvssSeverity;
import eu.vigil.core.osv.OsvIndex;
import eu.vigil.core.osv.OsvLoadResult;
import eu.vigil.core.osv.OsvLoader;
import eu.vigil.core.osv.OsvMatch;
import eu.vigil.core.osv.OsvRating;
import eu.vigil.core.osv.OsvPackageRef;
import eu.vigil.core.osv.OsvQueryResult;
import eu.vigil.core.purl.PackageUrl;
import eu.vigil.core.sbom.Component;
import eu.vigil.core.sbom.Sbom;
import eu.vigil.core.sbom.SbomReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Offline vulnerability scan: every component of an SBOM that has a Package URL and a version is
 * looked up in OSV data. One finding per (component, vulnerability) on stdout; the summary and
 * progress on stderr.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Match an SBOM (CycloneDX or SPDX) against OSV vulnerability data, offline. "
                + "Prints one JSON line per (component, vulnerability); exit 1 when a finding reaches --fail-on.")
final class ScanCommand implements Callable<Integer> {

    @Option(names = "--sbom", required = true, paramLabel = "FILE", description = "The SBOM to scan.")
    Path sbomFile;

    @Option(names = "--osv", required = true, arity = "1..*", paramLabel = "PATH",
            description = "OSV data: folders (read recursively), osv.dev ecosystem zips, or single JSON files.")
    List<Path> osvPaths;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 1 when a finding is at least this severe: LOW, MEDIUM, HIGH or CRITICAL.")
    String failOn;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ObjectMapper json = new ObjectMapper();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CvssSeverity threshold = null;
        if (failOn != null) {
            try {
                threshold = CvssSeverity.valueOf(failOn.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                err.println("vigil scan: --fail-on takes LOW, MEDIUM, HIGH or CRITICAL, not '" + failOn + "'");
                return VigilCli.USAGE;
            }
        }
        Progress progress = new Progress(err);
        Sbom sbom;
        try {
            sbom = new SbomReader().read(sbomFile);
        } catch (InvalidInputException e) {
            out.println(json.writeValueAsString(Map.of("sbom", sbomFile.toString(), "error", e.getMessage())));
            return VigilCli.FINDING_OR_INVALID;
        }
        progress.say("indexing OSV data from " + osvPaths + " ...");
        OsvLoadResult loaded = OsvLoader.load(osvPaths);
        OsvIndex index = loaded.index();
        progress.say("indexed " + index.size() + " vulnerabilities of " + index.packageCount() + " packages; matching "
                + sbom.components().size() + " components ...");
        loaded.problems().forEach(problem -> err.println("vigil scan: skipped OSV record: " + problem));

        int findings = 0;
        int reaching = 0;
        int withoutPurl = 0;
        int checked = 0;
        for (Component component : sbom.components()) {
            PackageUrl purl = component.packageUrl();
            String version = purl != null && purl.version() != null ? purl.version() : component.version();
            if (purl == null || version == null || version.isBlank()) {
                withoutPurl++;
                continue;
            }
            checked++;
            OsvPackageRef pkg = OsvPackageRef.fromPurl(purl.type(), purl.namespace(), purl.name(),
                    purl.qualifiers().get("distro"));
            OsvQueryResult result = index.query(pkg, version);
            for (OsvMatch match : result.matches()) {
                OsvRating rating = OsvRating.of(match);
                Map<String, Object> finding = new LinkedHashMap<>();
                finding.put("purl", purl.canonical());
                finding.put("component", component.name());
                finding.put("version", version);
                finding.put("vulnerability", match.id());
                finding.put("aliases", match.aliases());
                finding.put("severity", rating.severity() == null ? null : rating.severity().name());
                finding.put("score", rating.score());
                finding.put("vector", rating.vector());
                finding.put("fixedVersions", match.fixedVersions());
                finding.put("summary", match.summary());
                out.println(json.writeValueAsString(finding));
                findings++;
                if (threshold != null && rating.severity() != null && rating.severity().compareTo(threshold) >= 0) {
                    reaching++;
                }
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("components", sbom.components().size());
        summary.put("checked", checked);
        summary.put("withoutPurlOrVersion", withoutPurl);
        summary.put("findings", findings);
        summary.put("osvRecords", index.size());
        summary.put("osvProblems", loaded.problems().size());
        if (threshold != null) {
            summary.put("failOn", threshold.name());
            summary.put("findingsReachingFailOn", reaching);
        }
        err.println(json.writeValueAsString(Map.of("summary", summary)));
        out.flush();
        err.flush();
        return reaching > 0 ? VigilCli.FINDING_OR_INVALID : VigilCli.OK;
    }

    /** Progress lines on stderr, only for a person at a terminal. */
    private static final class Progress {
        private final boolean enabled = System.console() != null;
        private final PrintWriter err;

        Progress(PrintWriter err) {
            this.err = err;
        }

        void say(String message) {
            if (enabled) {
                err.println("vigil scan: " + message);
                err.flush();
            }
        }
    }
}
