package eu.vigil.core.osv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OsvPackageRefTests {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "maven, org.foo, bar, -, Maven, org.foo:bar",
            "npm, @scope, name, -, npm, @scope/name",
            "npm, scope, name, -, npm, @scope/name",
            "npm, -, lodash, -, npm, lodash",
            "pypi, -, Django_REST.framework, -, PyPI, django-rest-framework",
            "golang, golang.org/x, net, -, Go, golang.org/x/net",
            "golang, -, stdlib, -, Go, stdlib",
            "cargo, -, serde, -, crates.io, serde",
            "gem, -, rails, -, RubyGems, rails",
            "nuget, -, Newtonsoft.Json, -, NuGet, Newtonsoft.Json",
            "composer, symfony, http-kernel, -, Packagist, symfony/http-kernel",
            "deb, debian, openssl, -, Debian, openssl",
            "deb, debian, openssl, debian-12, Debian:12, openssl",
            "deb, debian, openssl, bookworm, Debian:12, openssl",
            "deb, debian, openssl, 11, Debian:11, openssl",
            "deb, ubuntu, openssl, ubuntu-22.04, Ubuntu:22.04:LTS, openssl",
            "deb, ubuntu, openssl, 23.10, Ubuntu:23.10, openssl",
            "apk, alpine, openssl, -, Alpine, openssl",
            "apk, alpine, openssl, alpine-3.19.1, Alpine:v3.19, openssl",
            "apk, alpine, openssl, v3.18, Alpine:v3.18, openssl",
            "apk, wolfi, openssl, -, Wolfi, openssl",
            "generic, acme, firmware, -, generic, acme/firmware",
            "rpm, redhat, openssl, -, rpm, redhat/openssl"})
    void mapsPurlTypesToOsvEcosystems(String type, String namespace, String name, String distro,
                                      String ecosystem, String osvName) {
        assertThat(OsvPackageRef.fromPurl(type, namespace, name, distro)).isEqualTo(new OsvPackageRef(ecosystem, osvName));
    }
}
