package eu.vigil.core.sbom;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import eu.vigil.core.purl.PackageUrl;

/**
 * One component (CycloneDX) or package (SPDX) of an SBOM, in the terms both formats share.
 *
 * @param ref the CycloneDX {@code bom-ref} or the SPDX {@code SPDXID}; a CycloneDX component
 *        without a {@code bom-ref} gets a generated one starting with {@code vigil:}. Never {@code null}.
 * @param type CycloneDX {@code type} ({@code library}, {@code firmware}, …) or the lowercased SPDX
 *        {@code primaryPackagePurpose}; {@code null} when the SPDX document gives none
 * @param name never {@code null}
 * @param version or {@code null}
 * @param group CycloneDX {@code group} (e.g. a Maven groupId), or {@code null}
 * @param supplier supplier name (CycloneDX {@code supplier.name}, SPDX {@code PackageSupplier}
 *        without its {@code Organization:}/{@code Person:} prefix), or {@code null}
 * @param purl the Package URL exactly as the document gives it, or {@code null}
 * @param packageUrl {@code purl} parsed, or {@code null} when there is none or it is not a valid purl
 * @param cpes CPE 2.2 or 2.3 names as given, possibly empty
 * @param licenses SPDX license expressions, identifiers or license names as given, possibly empty
 * @param hashes algorithm (CycloneDX spelling: {@code SHA-256}, {@code SHA3-512}, {@code MD5}, …)
 *        to lowercase hexadecimal value, possibly empty
 * @param parentRef reference of the component this one is nested in (CycloneDX nested
 *        {@code components}), or {@code null}
 * @param scope CycloneDX {@code scope} ({@code required}, {@code optional}, {@code excluded}), or
 *        {@code null}
 */
public record Component(
        String ref,
        String type,
        String name,
        String version,
        String group,
        String supplier,
        String purl,
        PackageUrl packageUrl,
        List<String> cpes,
        List<String> licenses,
        Map<String, String> hashes,
        String parentRef,
        String scope) {

    public Component {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(name, "name");
        cpes = List.copyOf(cpes);
        licenses = List.copyOf(licenses);
        hashes = Collections.unmodifiableMap(new LinkedHashMap<>(hashes));
    }

    /** The first CPE, or {@code null}. */
    public String cpe() {
        return cpes.isEmpty() ? null : cpes.get(0);
    }
}
