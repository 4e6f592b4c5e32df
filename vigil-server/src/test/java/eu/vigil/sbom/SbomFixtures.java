package eu.vigil.sbom;

/** Small SBOMs and OSV records of our own for the SBOM repository's tests. */
public final class SbomFixtures {

    private SbomFixtures() {
    }

    /** A camera firmware: app (direct) pulls left-pad (transitive); parser is direct; two licensed libraries. */
    public static String cycloneDx(String productName, String version, String leftPadVersion) {
        return """
                {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
                 "serialNumber": "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b7%s",
                 "metadata": {"component": {"type": "firmware", "bom-ref": "root", "name": "%s", "version": "%s"}},
                 "components": [
                   {"type": "library", "bom-ref": "app", "name": "app", "version": "1.0.0", "purl": "pkg:npm/app@1.0.0",
                    "licenses": [{"expression": "MIT OR Apache-2.0"}]},
                   {"type": "library", "bom-ref": "left-pad", "name": "left-pad", "version": "%s",
                    "purl": "pkg:npm/left-pad@%s", "hashes": [{"alg": "SHA-256", "content": "a3f1c2e4b5d6978812345678901234567890abcdefabcdefabcdefabcdefabcd"}],
                    "licenses": [{"license": {"id": "MIT"}}]},
                   {"type": "library", "bom-ref": "parser", "name": "parser", "group": "org.example", "version": "2.1.0",
                    "purl": "pkg:maven/org.example/parser@2.1.0", "licenses": [{"license": {"id": "GPL-3.0-only"}}]},
                   {"type": "library", "bom-ref": "busybox", "name": "busybox", "version": "1.36.1",
                    "licenses": [{"license": {"name": "Some custom licence"}}]}
                 ],
                 "dependencies": [
                   {"ref": "root", "dependsOn": ["app", "parser", "busybox"]},
                   {"ref": "app", "dependsOn": ["left-pad"]}
                 ]}""".formatted(version.length(), productName, version, leftPadVersion, leftPadVersion);
    }

    /** An OSV record affecting one package from version 0 up to {@code fixed}. */
    public static String osv(String id, String alias, String modified, String ecosystem, String name, String fixed,
                      String severityJson) {
        return """
                {"schema_version": "1.6.0", "id": "%s", "modified": "%s", "published": "2026-01-02T00:00:00Z",
                 "aliases": ["%s"], "summary": "Test vulnerability %s in %s",
                 %s
                 "affected": [{"package": {"ecosystem": "%s", "name": "%s"},
                   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "%s"}]}]}]}"""
                .formatted(id, modified, alias, id, name, severityJson, ecosystem, name, fixed);
    }

    public static final String CRITICAL = """
            "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],""";
    public static final String MODERATE = """
            "database_specific": {"severity": "MODERATE"},""";
}
