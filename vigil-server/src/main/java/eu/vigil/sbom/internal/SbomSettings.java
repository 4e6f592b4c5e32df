package eu.vigil.sbom.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the SBOM repository.
 *
 * @param maxSbomSize largest SBOM accepted for upload ({@code vigil.sbom.max-sbom-size})
 * @param csafPublisherNamespace the publisher's URL written into CSAF VEX exports
 *                               ({@code vigil.sbom.csaf-publisher-namespace})
 */
@ConfigurationProperties("vigil.sbom")
public record SbomSettings(@DefaultValue("64MB") DataSize maxSbomSize,
                           @DefaultValue("https://vigil.example") String csafPublisherNamespace) {
}
