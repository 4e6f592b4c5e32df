package eu.vigil.core.purl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import eu.vigil.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class PackageUrlTests {

    @Test
    void keepsLeadingZerosOfLowPercentEscapes() {
        // packageurl-java 1.5.0 turned %05 into %5, which does not parse again
        PackageUrl purl = PackageUrl.parse("pkg:generic/a%05b@1%0A");
        assertThat(purl.name()).isEqualTo("a\u0005b");
        assertThat(purl.version()).isEqualTo("1\n");
        assertThat(purl.canonical()).isEqualTo("pkg:generic/a%05b@1%0A");
        assertThat(PackageUrl.parse(purl.canonical())).isEqualTo(purl);
    }

    @Test
    void encodesUnicodeAsUtf8() {
        PackageUrl purl = PackageUrl.of("generic", "ünï", "名前", "1.0 β", Map.of("note", "a&b=c"), "x y/z");
        assertThat(purl.canonical())
                .isEqualTo("pkg:generic/%C3%BCn%C3%AF/%E5%90%8D%E5%89%8D@1.0%20%CE%B2?note=a%26b%3Dc#x%20y/z");
        assertThat(PackageUrl.parse(purl.canonical())).isEqualTo(purl);
    }

    @Test
    void refusesBrokenPercentEncoding() {
        assertThatThrownBy(() -> PackageUrl.parse("pkg:npm/a%zz")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("two hexadecimal digits");
        assertThatThrownBy(() -> PackageUrl.parse("pkg:npm/a%4")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PackageUrl.parse("pkg:npm/a%C3")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void refusesUnpairedSurrogatesAndOverlongInput() {
        assertThatThrownBy(() -> PackageUrl.of("npm", null, "a\ud800", null, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> PackageUrl.parse("pkg:npm/" + "a".repeat(PackageUrl.MAX_LENGTH)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("too long");
    }

    @Test
    void normalisesAndReadsChecksums() {
        PackageUrl purl = PackageUrl.parse("pkg:generic/openssl@3.0?checksum=SHA1:AD95,sha256:41bf");
        assertThat(purl.qualifiers()).containsEntry("checksum", "sha1:ad95,sha256:41bf");
        assertThat(purl.checksums()).containsExactly(Map.entry("sha1", "ad95"), Map.entry("sha256", "41bf"));
        assertThatThrownBy(() -> PackageUrl.parse("pkg:generic/openssl?checksum=sha1"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("algorithm:hexadecimal");
    }

    @Test
    void refusesDuplicateQualifiersAndQualifiersWithoutValue() {
        assertThatThrownBy(() -> PackageUrl.parse("pkg:deb/debian/curl?arch=i386&Arch=amd64"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("more than once");
        assertThatThrownBy(() -> PackageUrl.parse("pkg:deb/debian/curl?arch"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no '='");
        assertThat(PackageUrl.parse("pkg:deb/debian/curl?arch=&distro=jessie").qualifiers())
                .containsOnlyKeys("distro");
    }

    @Test
    void saysWhatIsWrong() {
        assertThatThrownBy(() -> PackageUrl.parse("pkg:maven/commons-io@2.11.0"))
                .hasMessage("invalid purl 'pkg:maven/commons-io@2.11.0': a maven purl needs a namespace "
                        + "(e.g. the groupId: pkg:maven/org.apache.commons/commons-text)");
        assertThatThrownBy(() -> PackageUrl.parse("maven/a/b")).hasMessageContaining("scheme 'pkg:' is missing");
    }

    @Test
    void equalPurlsAreEqualRecords() {
        assertThat(PackageUrl.parse("pkg:PyPI/Django_Allauth@0.50?Extra=x"))
                .isEqualTo(PackageUrl.parse("pkg:pypi/django-allauth@0.50?extra=x"))
                .hasToString("pkg:pypi/django-allauth@0.50?extra=x");
        assertThat(PackageUrl.parse("pkg:maven/g/a@1?type=jar").withoutVersion()).hasToString("pkg:maven/g/a");
    }
}
