package eu.vigil.core.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import eu.vigil.core.InvalidInputException;
import eu.vigil.core.TestData;
import eu.vigil.core.purl.PackageUrl;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Real SBOMs of real products: CycloneDX bom-examples and the SPDX spec examples and spdx-examples. */
class SbomExamplesTests {

    private final SbomReader reader = new SbomReader();

    @TestFactory
    Stream<DynamicTest> everyCycloneDxExampleReads() throws IOException {
        return everyFile("cyclonedx/bom-examples", 60, sbom -> {
            assertThat(sbom.format().standard()).isEqualTo("CycloneDX");
            assertGraphConsistent(sbom);
        });
    }

    @TestFactory
    Stream<DynamicTest> everySpdxExampleReads() throws IOException {
        return everyFile("spdx", 35, sbom -> {
            assertThat(sbom.format().standard()).isEqualTo("SPDX");
            assertThat(sbom.specVersion()).isIn("SPDX-2.2", "SPDX-2.3");
            assertThat(sbom.rootRef()).isNotNull();
            assertGraphConsistent(sbom);
        });
    }

    private Stream<DynamicTest> everyFile(String folder, int expected, Consumer<Sbom> check)
            throws IOException {
        Path root = TestData.require(folder);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().matches(".*\\.(md|txt)$"))
                    .filter(p -> !root.relativize(p).startsWith("schema"))
                    .sorted().toList();
        }
        assertThat(files).hasSize(expected);
        return files.stream().map(file -> dynamicTest(root.relativize(file).toString(), () -> {
            String name = file.getFileName().toString();
            if (name.endsWith(".yaml") || name.endsWith(".spdx.xml")) {
                // SPDX YAML and XML are no input formats of Vigil: they must be refused clearly
                assertThatThrownBy(() -> reader.read(file)).isInstanceOf(InvalidInputException.class)
                        .hasMessageContaining("not supported");
                return;
            }
            check.accept(reader.read(file));
        }));
    }

    private static void assertGraphConsistent(Sbom sbom) {
        for (Dependency edge : sbom.dependencies()) {
            assertThat(sbom.component(edge.from())).isPresent();
            assertThat(sbom.component(edge.to()).isPresent() || edge.to().startsWith("DocumentRef-")).isTrue();
        }
        for (Component component : sbom.components()) {
            if (component.parentRef() != null) {
                assertThat(sbom.component(component.parentRef())).isPresent();
            }
            if (component.packageUrl() != null) {
                assertThat(PackageUrl.parse(component.packageUrl().canonical())).isEqualTo(component.packageUrl());
            }
        }
    }

    @Test
    void readsKeycloakWithItsMavenPurlsHashesAndGraph() {
        Sbom sbom = reader.read(TestData.require("cyclonedx/bom-examples/SBOM/keycloak-10.0.2/bom.json"));
        assertThat(sbom.format()).isEqualTo(SbomFormat.CYCLONEDX_JSON);
        assertThat(sbom.specVersion()).isEqualTo("1.2");
        assertThat(sbom.components()).hasSize(904); // 903 components and metadata.component
        assertThat(sbom.rootRef()).isEqualTo("pkg:maven/org.keycloak/keycloak-parent@10.0.2");
        assertThat(sbom.name()).isEqualTo("keycloak-parent");
        assertThat(sbom.dependencies()).hasSize(994)
                .allSatisfy(d -> assertThat(d.kind()).isEqualTo(Dependency.Kind.DEPENDS_ON));
        assertThat(sbom.components()).allSatisfy(c -> assertThat(c.packageUrl()).isNotNull());

        Component bouncyCastle = sbom.component("pkg:maven/org.bouncycastle/bcprov-jdk15on@1.62?type=jar").orElseThrow();
        assertThat(bouncyCastle.name()).isEqualTo("bcprov-jdk15on");
        assertThat(bouncyCastle.group()).isEqualTo("org.bouncycastle");
        assertThat(bouncyCastle.version()).isEqualTo("1.62");
        assertThat(bouncyCastle.type()).isEqualTo("library");
        assertThat(bouncyCastle.packageUrl().namespace()).isEqualTo("org.bouncycastle");
        assertThat(bouncyCastle.packageUrl().qualifiers()).containsEntry("type", "jar");
        assertThat(bouncyCastle.licenses()).containsExactly("Bouncy Castle Licence");
        assertThat(bouncyCastle.hashes()).hasSize(8)
                .containsEntry("MD5", "01b1a8cff910fdb9328cef5c437ff2f9")
                .containsKeys("SHA-1", "SHA-256", "SHA-384", "SHA-512", "SHA3-256", "SHA3-384", "SHA3-512");
        assertThat(sbom.dependenciesOf("pkg:maven/org.keycloak/keycloak-common@10.0.2?type=jar"))
                .containsExactly("pkg:maven/com.sun.activation/jakarta.activation@1.2.1?type=jar");
    }

    @Test
    void readsTheSameModelFromJsonAndXmlOfOneBom() {
        for (String pair : List.of("SBOM/dropwizard-1.3.15/bom", "SBOM/proton-bridge/proton-bridge-v1.8.0.bom",
                "SBOM/cern-lhc-vdm-editor-e564943/bom", "SBOM/laravel-7.12.0/bom.1.4",
                "SBOM/juice-shop/via_npm/bare/bom.1.4")) {
            Sbom json = reader.read(TestData.require("cyclonedx/bom-examples/" + pair + ".json"));
            Sbom xml = reader.read(TestData.require("cyclonedx/bom-examples/" + pair + ".xml"));
            assertThat(xml.format()).isEqualTo(SbomFormat.CYCLONEDX_XML);
            // the two files of a pair come from separate runs that differ in licenses and scopes,
            // so identity, purls, hashes, nesting and the graph are compared
            assertThat(xml.components()).as(pair).map(SbomExamplesTests::identity)
                    .isEqualTo(json.components().stream().map(SbomExamplesTests::identity).toList());
            assertThat(xml.dependencies()).as(pair).isEqualTo(json.dependencies());
            assertThat(xml.rootRef()).isEqualTo(json.rootRef());
        }
    }

    private static List<Object> identity(Component c) {
        return Arrays.asList(c.ref(), c.type(), c.name(), c.version(), c.group(), c.purl(), c.packageUrl(),
                c.hashes(), c.parentRef());
    }

    @Test
    void readsNestedNpmComponentsWithTheirParent() {
        Sbom sbom = reader.read(TestData.require("cyclonedx/bom-examples/SBOM/juice-shop/via_npm/bare/bom.1.4.json"));
        assertThat(sbom.components()).hasSize(1116);
        List<Component> nested = sbom.components().stream().filter(c -> c.parentRef() != null).toList();
        assertThat(nested).isNotEmpty();
        Component child = nested.get(0);
        Component parent = sbom.component(child.parentRef()).orElseThrow();
        assertThat(sbom.components().indexOf(parent)).isLessThan(sbom.components().indexOf(child));
        assertThat(sbom.root().orElseThrow().name()).isEqualTo("juice-shop");
    }

    @Test
    void readsTheSameModelFromSpdxJsonAndTagValue() {
        for (String version : List.of("v2.2", "v2.3")) {
            Sbom json = reader.read(TestData.require("spdx/spec-examples/SPDXJSONExample-" + version + ".spdx.json"));
            Sbom tagValue = reader.read(TestData.require("spdx/spec-examples/SPDXTagExample-" + version + ".spdx"));
            assertThat(tagValue.format()).isEqualTo(SbomFormat.SPDX_TAG_VALUE);
            assertThat(tagValue.components()).as(version).isEqualTo(json.components());
            assertThat(tagValue.dependencies()).as(version).isEqualTo(json.dependencies());
            assertThat(tagValue.rootRef()).isEqualTo(json.rootRef()).isEqualTo("SPDXRef-Package");
            assertThat(tagValue.serialNumber()).isEqualTo(json.serialNumber())
                    .isEqualTo("http://spdx.org/spdxdocs/spdx-example-444504E0-4F89-41D3-9A0C-0305E82C3301");
        }
    }

    @Test
    void readsSpdxPackagesWithCpePurlChecksumsAndLicenses() {
        Sbom sbom = reader.read(TestData.require("spdx/spec-examples/SPDXTagExample-v2.3.spdx"));
        assertThat(sbom.specVersion()).isEqualTo("SPDX-2.3");
        assertThat(sbom.name()).isEqualTo("SPDX-Tools-v2.0");
        assertThat(sbom.components()).extracting(Component::ref)
                .containsExactly("SPDXRef-Package", "SPDXRef-fromDoap-1", "SPDXRef-fromDoap-0", "SPDXRef-Saxon");
        Component glibc = sbom.component("SPDXRef-Package").orElseThrow();
        assertThat(glibc.name()).isEqualTo("glibc");
        assertThat(glibc.version()).isEqualTo("2.11.1");
        assertThat(glibc.supplier()).isEqualTo("Jane Doe (jane.doe@example.com)");
        assertThat(glibc.type()).isEqualTo("source");
        assertThat(glibc.cpes()).containsExactly("cpe:2.3:a:pivotal_software:spring_framework:4.1.0:*:*:*:*:*:*:*");
        assertThat(glibc.licenses()).containsExactly("(LGPL-2.0-only OR LicenseRef-3)", "(LGPL-2.0-only AND LicenseRef-3)");
        assertThat(glibc.hashes()).containsOnlyKeys("MD5", "SHA-1", "SHA-256", "BLAKE2b-384")
                .containsEntry("SHA-1", "85ed0817af83a24ad8da68c2b5094de69833983c");
        Component jena = sbom.component("SPDXRef-fromDoap-0").orElseThrow();
        assertThat(jena.purl()).isEqualTo("pkg:maven/org.apache.jena/apache-jena@3.12.0");
        assertThat(jena.packageUrl().name()).isEqualTo("apache-jena");
        assertThat(sbom.component("SPDXRef-fromDoap-1").orElseThrow().licenses()).isEmpty();
        // DYNAMIC_LINK is a dependency; CONTAINS edges from files are not kept (files are not components)
        assertThat(sbom.dependencies()).containsExactly(
                new Dependency("SPDXRef-Package", "SPDXRef-Saxon", Dependency.Kind.DEPENDS_ON));
    }

    @Test
    void turnsSpdxContainsRelationshipsIntoContainsEdges() {
        Sbom sbom = reader.read(TestData.require("spdx/spdx-examples/software/example6/spdx2.2/example6-lib.spdx"));
        assertThat(sbom.rootRef()).isEqualTo("SPDXRef-Package-godist");
        assertThat(sbom.components()).hasSize(5);
        assertThat(sbom.dependencies()).hasSize(4)
                .allSatisfy(edge -> {
                    assertThat(edge.from()).isEqualTo("SPDXRef-Package-godist");
                    assertThat(edge.kind()).isEqualTo(Dependency.Kind.CONTAINS);
                })
                .extracting(Dependency::to)
                .containsExactly("SPDXRef-Package-go-compiler", "SPDXRef-Package-go.fmt", "SPDXRef-Package-go.reflect",
                        "SPDXRef-Package-go.strconv");
    }

    @Test
    void readsSpdx22JsonWithTheOldPackageManagerCategory() {
        // SPDX 2.2 spelled the category PACKAGE_MANAGER; 2.3 spells it PACKAGE-MANAGER
        Sbom sbom = reader.read(TestData.require("spdx/spec-examples/SPDXJSONExample-v2.2.spdx.json"));
        assertThat(sbom.component("SPDXRef-fromDoap-0").orElseThrow().purl())
                .isEqualTo("pkg:maven/org.apache.jena/apache-jena@3.12.0");
    }

    @Test
    void namesComponentsWithoutBomRef() {
        Sbom sbom = reader.read(TestData.require("cyclonedx/bom-examples/CBOM/Algorithm/bom.json"));
        assertThat(sbom.rootRef()).startsWith("vigil:component-");
        assertThat(sbom.root().orElseThrow().name()).isEqualTo("my application");
    }
}
