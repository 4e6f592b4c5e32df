package eu.vigil.core.osv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.version.EcosystemVersion;
import eu.vigil.core.version.VersRange;
import eu.vigil.core.version.VersionScheme;

/**
 * Fuzz tests of the version schemes and the OSV reader and index. In a normal build they replay
 * the inputs under {@code VersionAndOsvFuzzTestsInputs}; {@code JAZZER_FUZZ=1} fuzzes for real.
 * Only {@link InvalidInputException} may escape parsing, and what parses must order consistently.
 */
class VersionAndOsvFuzzTests {

    private static final List<VersionScheme> SCHEMES = List.of(VersionScheme.MAVEN, VersionScheme.NPM,
            VersionScheme.CRATES_IO, VersionScheme.SEMVER, VersionScheme.GO, VersionScheme.PYPI,
            VersionScheme.RUBYGEMS, VersionScheme.NUGET, VersionScheme.DEBIAN, VersionScheme.ALPINE,
            VersionScheme.GENERIC);

    @FuzzTest(maxDuration = "2m")
    void versionOrderingIsATotalOrder(FuzzedDataProvider data) {
        VersionScheme scheme = data.pickValue(SCHEMES);
        List<EcosystemVersion> versions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String text = data.consumeString(60);
            try {
                versions.add(scheme.parse(text));
            } catch (InvalidInputException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
        for (EcosystemVersion a : versions) {
            assertThat(a.compareTo(a)).as("%s reflexive", a).isZero();
            for (EcosystemVersion b : versions) {
                assertThat(Integer.signum(a.compareTo(b))).as("%s vs %s antisymmetric", a, b)
                        .isEqualTo(-Integer.signum(b.compareTo(a)));
                for (EcosystemVersion c : versions) {
                    if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
                        assertThat(a.compareTo(c)).as("%s <= %s <= %s transitive", a, b, c).isLessThanOrEqualTo(0);
                    }
                }
            }
            // parsing the written text again gives an equal version
            assertThat(scheme.parse(a.text()).compareTo(a)).isZero();
        }
    }

    @FuzzTest(maxDuration = "2m")
    void versRangesRoundTrip(FuzzedDataProvider data) {
        String text = data.consumeString(200);
        String probe = data.consumeRemainingAsString();
        VersRange range;
        try {
            range = VersRange.parse(text);
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        String normalised = range.toString();
        assertThat(VersRange.parse(normalised).toString()).as("normalised form is stable").isEqualTo(normalised);
        try {
            range.contains(probe);
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "2m")
    void osvRecordsReadOrFailCleanlyAndQueryWithoutError(byte[] json) {
        OsvVulnerability record;
        try {
            record = OsvRecordReader.read(json, "fuzz.json");
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).startsWith("fuzz.json");
            return;
        }
        assertThat(record.id()).isNotBlank();
        OsvIndex index = OsvIndex.of(List.of(record));
        for (OsvAffected affected : record.affected()) {
            if (!affected.hasPackage()) {
                continue;
            }
            List<String> versions = new ArrayList<>(affected.versions());
            affected.ranges().forEach(r -> r.events().forEach(e -> versions.add(e.version())));
            versions.add("0");
            for (String version : versions) {
                OsvQueryResult result = index.query(affected.ecosystem(), affected.name(), version);
                if (!record.isWithdrawn() && affected.versions().contains(version)) {
                    assertThat(result.matches()).as("a listed version is affected").isNotEmpty();
                }
            }
        }
    }
}
