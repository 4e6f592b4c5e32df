package eu.vigil.core.cve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import eu.vigil.core.TestData;
import org.junit.jupiter.api.Test;

/** The CVE JSON 5 export against the official CVE Record Format 5.1.1 schema. */
class CveRecordTests {

    @Test
    void exportValidatesAgainstTheCveRecordSchema() throws Exception {
        String schemaText = Files.readString(TestData.require("cve/schema/CVE_JSON_bundled_5.1.1.json"));
        var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schemaText);
        CveRecord record = new CveRecord("CVE-2026-12345", "b3476cb9-2e3d-41a6-98d0-0f47421a65b6",
                "Stored XSS in Camera X", "Camera X firmware before 2.0.1 lets a user store script in the camera name.",
                Instant.parse("2026-03-01T10:00:00Z"),
                List.of(new CveRecord.Affected("Example Devices", "Camera X", List.of("2.0.0"), List.of("2.0.1"))),
                "CWE-79", "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')",
                "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N",
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:L/VI:L/VA:N/SC:L/SI:L/SA:N",
                List.of("https://example.com/advisories/EXAMPLE-SA-2026-0001"), List.of("A. Researcher"));
        JsonNode json = record.toJson();
        List<Error> errors = schema.validate(json);
        assertThat(errors).isEmpty();
        assertThat(json.at("/containers/cna/metrics/0/cvssV3_1/baseScore").asDouble()).isEqualTo(5.4);
        assertThat(json.at("/containers/cna/problemTypes/0/descriptions/0/cweId").asText()).isEqualTo("CWE-79");

        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("cveMetadata")).put("cveId", "CVE-26-1");
        assertThat(schema.validate(json)).isNotEmpty();
    }
}
