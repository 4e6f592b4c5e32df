/**
 * Version ordering exactly as each package ecosystem defines it: Maven, npm and crates.io
 * (SemVer 2.0), PyPI (PEP 440), Go modules, RubyGems, NuGet, Debian (dpkg), Alpine (apk), and a
 * numeric-aware fallback for every other ecosystem. Start at {@link eu.vigil.core.version.VersionScheme}.
 */
package eu.vigil.core.version;
