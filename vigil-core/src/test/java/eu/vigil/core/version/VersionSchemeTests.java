package eu.vigil.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import eu.vigil.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our own cases for the schemes the shared suites do not cover, and for the scheme lookup. */
class VersionSchemeTests {

    private static void assertAscending(VersionScheme scheme, String... versions) {
        for (int i = 0; i < versions.length; i++) {
            for (int j = 0; j < versions.length; j++) {
                assertThat(scheme.compare(versions[i], versions[j]))
                        .as("%s: %s vs %s", scheme.name(), versions[i], versions[j])
                        .isEqualTo(Integer.compare(i, j));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
            "Maven, Maven", "Maven:https://maven.google.com, Maven", "npm, npm", "PyPI, PyPI", "pypi, PyPI",
            "Go, Go", "crates.io, crates.io", "RubyGems, RubyGems", "NuGet, NuGet", "Debian, Debian",
            "Debian:12, Debian", "Ubuntu:22.04:LTS, Debian", "Alpine, Alpine", "Alpine:v3.19, Alpine",
            "Wolfi, Alpine", "Packagist, generic", "Hex, generic", "'', generic"})
    void findsTheSchemeOfAnOsvEcosystem(String ecosystem, String scheme) {
        assertThat(VersionScheme.forEcosystem(ecosystem).name()).isEqualTo(scheme);
    }

    @Test
    void ordersNuGetVersions() {
        assertAscending(VersionScheme.NUGET, "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.0.1", "1.0.1", "1.2", "2.0.0.0-preview",
                "2.0.0.0");
        assertThat(VersionScheme.NUGET.compare("1.0", "1.0.0.0")).isZero();
        assertThat(VersionScheme.NUGET.compare("1.0.0-ALPHA", "1.0.0-alpha")).isZero();
        assertThat(VersionScheme.NUGET.compare("1.0.0+build.5", "1.0.0+other")).isZero();
        assertThat(VersionScheme.NUGET.compare("01.02.3", "1.2.3")).isZero();
        assertThat(VersionScheme.NUGET.isValid("1.0.0.0.0")).isFalse();
        assertThat(VersionScheme.NUGET.isValid("1.0.0-")).isFalse();
        assertThat(VersionScheme.NUGET.isValid("v1.0")).isFalse();
    }

    @Test
    void ordersRubyGemsVersions() {
        assertAscending(VersionScheme.RUBYGEMS, "0.9", "1.0.a", "1.0.a.2", "1.0.b1", "1.0.rc1", "1.0", "1.0.1",
                "1.1.pre", "1.1", "2.0.0.pre.alpha", "2.0.0-rc", "2.0.0", "10");
        assertThat(VersionScheme.RUBYGEMS.compare("1.0", "1")).isZero();
        assertThat(VersionScheme.RUBYGEMS.compare("1.0.a.0", "1.a")).isZero();
        assertThat(VersionScheme.RUBYGEMS.compare("1-1", "1.pre.1")).isZero();
        assertThat(VersionScheme.RUBYGEMS.isValid("1..0")).isFalse();
        assertThat(VersionScheme.RUBYGEMS.isValid("junk")).isFalse();
        assertThat(VersionScheme.RUBYGEMS.isValid(" 1.2 ")).isTrue();
    }

    /** Cases in the manner of apk-tools' test/version.data (our own selection and additions). */
    @Test
    void ordersAlpineVersions() {
        assertAscending(VersionScheme.ALPINE, "0.1.0_alpha_pre2", "0.1.0_alpha", "0.1.0_alpha2", "0.1.0_beta",
                "0.1.0_pre", "0.1.0_rc1", "0.1.0", "0.1.0-r1", "0.1.0_cvs", "0.1.0_svn", "0.1.0_git20230101",
                "0.1.0_hg", "0.1.0_p1", "0.1.0_p9", "0.1.0_p10", "0.1.0a", "0.1.0b-r2", "0.1.02.1", "0.1.1",
                "0.1.1.1", "0.1.10", "1.0");
        assertThat(VersionScheme.ALPINE.compare("1.0_rc1", "1.0")).isEqualTo(-1);
        assertThat(VersionScheme.ALPINE.compare("1.02", "1.1")).isEqualTo(-1);
        assertThat(VersionScheme.ALPINE.compare("1.06-r6", "006")).isEqualTo(-1);
        assertThat(VersionScheme.ALPINE.compare("2.10.1", "02.08.01b")).isEqualTo(1);
        assertThat(VersionScheme.ALPINE.compare("1.0.2q-r0", "1.0.2p-r3")).isEqualTo(1);
        assertThat(VersionScheme.ALPINE.compare("1.2.3~abc1-r0", "1.2.3-r0")).isEqualTo(1);
        assertThat(VersionScheme.ALPINE.compare("0.2.0-r1", "0.2.0-r01")).isZero();
        for (String invalid : List.of("1.0bc", "23_foo", "a1", "1.", "1.0-r", "1.0-1", "1..2", "1.0_p1.2", "1.0_")) {
            assertThat(VersionScheme.ALPINE.isValid(invalid)).as(invalid).isFalse();
        }
    }

    @Test
    void ordersGenericVersions() {
        assertAscending(VersionScheme.GENERIC, "0.9", "1.0-alpha", "1.0-beta", "1.0", "1.0.1", "1.2", "1.10",
                "2.0", "10");
        assertThat(VersionScheme.GENERIC.compare("1.0", "1_0")).isZero();
        assertThat(VersionScheme.GENERIC.compare("1.0-RC1", "1.0-rc1")).isZero();
        assertThat(VersionScheme.GENERIC.compare("---", "+++")).isNotZero();
    }

    @Test
    void ordersDebianVersionsWithTildeEpochAndRevision() {
        assertAscending(VersionScheme.DEBIAN, "1.0~rc1", "1.0", "1.0-1", "1.0-1+deb12u1", "1.0-2", "1.0+dfsg-1",
                "1.1", "1:0.5");
        assertThat(VersionScheme.DEBIAN.isValid("a:1.0")).isFalse();
        assertThat(VersionScheme.DEBIAN.isValid("1:")).isFalse();
        assertThat(VersionScheme.DEBIAN.isValid("1.0-")).isFalse();
        assertThat(VersionScheme.DEBIAN.isValid("1.0 2")).isFalse();
        assertThat(VersionScheme.DEBIAN.isValid("abc")).as("only a dpkg warning").isTrue();
    }

    @Test
    void ordersSemVerStrictlyAndGoWithoutPrefix() {
        assertAscending(VersionScheme.SEMVER, "0.0.0-0", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
                "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.2.3-r100", "1.2.3-r2");
        assertThat(VersionScheme.SEMVER.compare("1.0.0+a", "1.0.0+b")).isZero();
        assertThat(VersionScheme.SEMVER.compare("1.0.0-99999999999999999999", "1.0.0-100000000000000000000"))
                .isEqualTo(-1);
        for (String invalid : List.of("v1.0.0", "1.0", "01.0.0", "1.0.0-01", "1.0.0-", "1.0.0+", "1.0.0-a..b",
                " 1.0.0", "1.0.0-a_b")) {
            assertThat(VersionScheme.SEMVER.isValid(invalid)).as(invalid).isFalse();
        }
        assertThat(VersionScheme.GO.compare("v0.17.0", "0.17.0")).isZero();
        assertThat(VersionScheme.GO.compare("2.0.0+incompatible", "2.0.0")).isZero();
        assertAscending(VersionScheme.GO, "0.0.0-20210101000000-abcdef123456", "0.0.0", "1.20.0-0",
                "1.20.0-alpha.1", "1.20.0");
        // a Go version and a SEMVER-range bound compare with each other
        assertThat(VersionScheme.GO.parse("v1.2.3").compareTo(VersionScheme.SEMVER.parse("1.2.4"))).isNegative();
    }

    @Test
    void rejectsBlankAndOverlongVersionsInEveryScheme() {
        List<VersionScheme> schemes = List.of(VersionScheme.MAVEN, VersionScheme.NPM, VersionScheme.CRATES_IO,
                VersionScheme.SEMVER, VersionScheme.GO, VersionScheme.PYPI, VersionScheme.RUBYGEMS,
                VersionScheme.NUGET, VersionScheme.DEBIAN, VersionScheme.ALPINE, VersionScheme.GENERIC);
        List<String> bad = new ArrayList<>(List.of("", "  ", "1".repeat(VersionScheme.MAX_LENGTH + 1)));
        for (VersionScheme scheme : schemes) {
            for (String version : bad) {
                assertThatThrownBy(() -> scheme.parse(version)).isInstanceOf(InvalidInputException.class)
                        .hasMessageContaining(scheme.name());
            }
            assertThatThrownBy(() -> scheme.parse(null)).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void refusesToCompareVersionsOfDifferentSchemes() {
        assertThatThrownBy(() -> VersionScheme.PYPI.parse("1.0").compareTo(VersionScheme.MAVEN.parse("1.0")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesTheVersionAndTheRuleInItsMessage() {
        assertThatThrownBy(() -> VersionScheme.PYPI.parse("french toast"))
                .hasMessage("invalid PyPI version \"french toast\": not a PEP 440 version");
    }
}
