package eu.vigil.sbom.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the SBOM repository.
 *
 * @param maxSbomSize largest SBOM accepted for upload ({@code vigil.sbom.max-sbom-size})
 * @param notifyRanks the lowest severity that raises a notification for supported releases
 */
@ConfigurationProperties("vigil.sbom")
public record SbomSettings(@DefaultValue("64MB") DataSize maxSbomSize,
                           @DefaultValue("HIGH") String notifyFrom) {
}
