package eu.vigil.core.osv;

import java.nio.charset.StandardCharsets;

/** Small OSV records of our own, written for one behaviour each. */
final class OsvFixtures {

    private OsvFixtures() {
    }

    static OsvVulnerability record(String json) {
        return OsvRecordReader.read(json.getBytes(StandardCharsets.UTF_8), "fixture");
    }

    /** A record with one package and one range of the given type and events (JSON objects). */
    static OsvVulnerability withRange(String id, String ecosystem, String name, String type, String events) {
        return record("""
                {"id": "%s", "modified": "2024-01-01T00:00:00Z",
                 "affected": [{"package": {"ecosystem": "%s", "name": "%s"},
                               "ranges": [{"type": "%s", "events": [%s]}]}]}
                """.formatted(id, ecosystem, name, type, events));
    }
}
