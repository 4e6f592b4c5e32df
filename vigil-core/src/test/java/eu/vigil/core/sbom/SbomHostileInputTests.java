package eu.vigil.core.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import eu.vigil.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken documents, crafted here: each must be refused quickly with a clear message. */
class SbomHostileInputTests {

    private static final String CDX_XML_HEAD = "<?xml version=\"1.0\"?>\n";
    private static final String CDX_BOM = "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\" version=\"1\">";

    private final SbomReader reader = new SbomReader();

    @Test
    void refusesExternalEntities(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "top secret");
        String xxe = CDX_XML_HEAD + "<!DOCTYPE bom [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n" + CDX_BOM
                + "<components><component type=\"library\"><name>&xxe;</name></component></components></bom>";
        assertThatThrownBy(() -> read(xxe)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("DOCTYPE").hasMessageNotContaining("top secret");
    }

    @Test
    void refusesExternalDtds() {
        String dtd = CDX_XML_HEAD + "<!DOCTYPE bom SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n" + CDX_BOM + "</bom>";
        assertThatThrownBy(() -> read(dtd)).isInstanceOf(InvalidInputException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesBillionLaughs() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String laughs = CDX_XML_HEAD + "<!DOCTYPE bom [" + entities + "]>\n" + CDX_BOM
                + "<components><component type=\"library\"><name>&lol9;</name></component></components></bom>";
        long start = System.nanoTime();
        assertThatThrownBy(() -> read(laughs)).isInstanceOf(InvalidInputException.class).hasMessageContaining("DOCTYPE");
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }

    @Test
    void refusesUndeclaredEntities() {
        String entity = CDX_XML_HEAD + CDX_BOM
                + "<components><component type=\"library\"><name>&nope;</name></component></components></bom>";
        assertThatThrownBy(() -> read(entity)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refusesDeepJsonNesting() {
        String deep = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"x\":" + "[".repeat(100_000)
                + "]".repeat(100_000) + "}";
        assertThatThrownBy(() -> read(deep)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    void refusesDeeplyNestedComponents() {
        StringBuilder json = new StringBuilder("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"components\":[");
        int depth = 5_000;
        for (int i = 0; i < depth; i++) {
            json.append("{\"type\":\"library\",\"name\":\"c").append(i).append("\",\"components\":[");
        }
        json.append("]}".repeat(depth)).append("]}");
        assertThatThrownBy(() -> read(json.toString())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    void refusesDeepXmlNesting() {
        String deep = CDX_XML_HEAD + CDX_BOM + "<components><component type=\"library\"><name>a</name>"
                + "<x>".repeat(10_000) + "</x>".repeat(10_000) + "</component></components></bom>";
        assertThatThrownBy(() -> read(deep)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("deeper than 200");
    }

    @Test
    void refusesDocumentsAboveTheSizeLimitWithoutReadingThemWhole() {
        SbomReader small = new SbomReader(SbomLimits.DEFAULT.withMaxBytes(1024));
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }
        };
        assertThatThrownBy(() -> small.read(endless)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("larger than the limit of 1024 bytes");
    }

    @Test
    void refusesFilesAboveTheSizeLimit(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        Files.writeString(big, "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\"}" + " ".repeat(2048));
        SbomReader small = new SbomReader(SbomLimits.DEFAULT.withMaxBytes(1024));
        assertThatThrownBy(() -> small.read(big)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("larger than the limit");
        assertThat(reader.read(big).components()).isEmpty();
    }

    @Test
    void refusesOverlongStrings() {
        SbomReader strict = new SbomReader(new SbomLimits(64L << 20, 200, 4096));
        String json = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"components\":[{\"type\":\"library\","
                + "\"name\":\"" + "a".repeat(10_000) + "\"}]}";
        assertThatThrownBy(() -> strict.read(bytes(json))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("String value length");
        String xml = CDX_XML_HEAD + CDX_BOM + "<components><component type=\"library\"><name>" + "a".repeat(10_000)
                + "</name></component></components></bom>";
        assertThatThrownBy(() -> strict.read(bytes(xml))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("longer than 4096 characters");
        String tagValue = "SPDXVersion: SPDX-2.3\nPackageName: " + "a".repeat(10_000) + "\n";
        assertThatThrownBy(() -> strict.read(bytes(tagValue))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("longer than 4096 characters");
    }

    @Test
    void refusesUnsupportedVersions() {
        assertThatThrownBy(() -> read("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.1\"}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unsupported CycloneDX specVersion '1.1'");
        assertThatThrownBy(() -> read("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.0\"/>"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unsupported CycloneDX specVersion '1.0'");
        assertThatThrownBy(() -> read("{\"spdxVersion\":\"SPDX-2.1\",\"SPDXID\":\"SPDXRef-DOCUMENT\"}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unsupported SPDX version 'SPDX-2.1'");
        assertThatThrownBy(() -> read("SPDXVersion: SPDX-3.0\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unsupported SPDX version 'SPDX-3.0'");
        assertThatThrownBy(() -> read("{\"@context\":\"https://spdx.org/rdf/3.0.1/spdx-context.jsonld\",\"@graph\":[]}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("SPDX 3");
    }

    @Test
    void refusesWhatIsNoSbom() {
        assertThatThrownBy(() -> read("")).isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> read("{\"name\":\"package.json\"}")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("neither CycloneDX");
        assertThatThrownBy(() -> read("<html><body/></html>")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a CycloneDX <bom>");
        assertThatThrownBy(() -> read("hello world")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a recognised SBOM");
        assertThatThrownBy(() -> read("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> read("{\"bomFormat\":\"CycloneDX\",\"bomFormat\":\"CycloneDX\"}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Duplicate field");
    }

    @Test
    void saysWhereATagValueDocumentIsBroken() {
        assertThatThrownBy(() -> read("SPDXVersion: SPDX-2.3\nPackageName: x\nthis is no tag\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 3");
        assertThatThrownBy(() -> read("SPDXVersion: SPDX-2.3\nPackageName: x\nPackageComment: <text>open\nnever closed\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("never closed");
        assertThatThrownBy(() -> read("SPDXVersion: SPDX-2.3\nPackageName: x\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("has no SPDXID");
        byte[] latin1 = "SPDXVersion: SPDX-2.3\nPackageName: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> reader.read(latin1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void keepsAnInvalidPurlAsGivenWithoutParsingIt() {
        Sbom sbom = read("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[{\"type\":\"library\","
                + "\"name\":\"stdlib\",\"version\":\"1.22.1\",\"purl\":\"pkg:golang/stdlib@1.22.1\"},"
                + "{\"type\":\"library\",\"name\":\"x\",\"purl\":\"not a purl\"}]}");
        assertThat(sbom.components()).extracting(Component::purl).containsExactly("pkg:golang/stdlib@1.22.1", "not a purl");
        assertThat(sbom.components()).allSatisfy(c -> assertThat(c.packageUrl()).isNull());
    }

    @Test
    void refusesDuplicateReferences() {
        assertThatThrownBy(() -> read("SPDXVersion: SPDX-2.3\nPackageName: a\nSPDXID: SPDXRef-a\nPackageName: b\n"
                + "SPDXID: SPDXRef-a\n")).isInstanceOf(InvalidInputException.class).hasMessageContaining("more than one");
    }

    private Sbom read(String document) {
        return reader.read(bytes(document));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsFromAStream() throws Exception {
        Sbom sbom = reader.read(new ByteArrayInputStream(bytes("SPDXVersion: SPDX-2.3\nSPDXID: SPDXRef-DOCUMENT\n"
                + "Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-fw\nPackageName: fw\nSPDXID: SPDXRef-fw\n"
                + "ExternalRef: PACKAGE_MANAGER purl pkg:yocto/core/busybox@1.36.1\n")));
        assertThat(sbom.rootRef()).isEqualTo("SPDXRef-fw");
        assertThat(sbom.root().orElseThrow().packageUrl().type()).isEqualTo("yocto");
    }
}
