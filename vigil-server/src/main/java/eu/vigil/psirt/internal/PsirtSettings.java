package eu.vigil.psirt.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the PSIRT module, under {@code vigil.psirt}.
 *
 * @param publicUrl          the public base URL of this Vigil (https://host), used in security.txt,
 *                           advisories and provider-metadata
 * @param publisherName      the vendor's name as publisher of advisories
 * @param publisherNamespace the vendor's web address (CSAF publisher namespace)
 * @param contact            the PSIRT's contact address (mailto: or https:)
 * @param trackingPrefix     prefix of advisory tracking ids, e.g. {@code VIGIL-SA}
 * @param cnaOrgId           the CNA organisation UUID used in CVE JSON 5 exports
 * @param reportsPerHour     reports accepted per client address and hour
 * @param maxAttachmentBytes largest proof-of-concept attachment
 * @param acknowledgeWithin  SLA: acknowledge a new report within
 * @param fixCritical        SLA: fix a critical case within (and high, medium, low below)
 */
@ConfigurationProperties("vigil.psirt")
public record PsirtSettings(@DefaultValue("https://localhost:8443") String publicUrl,
                            @DefaultValue("Vigil user") String publisherName,
                            @DefaultValue("https://example.com") String publisherNamespace,
                            @DefaultValue("mailto:psirt@example.com") String contact,
                            @DefaultValue("VIGIL-SA") String trackingPrefix,
                            @DefaultValue("00000000-0000-4000-8000-000000000000") String cnaOrgId,
                            @DefaultValue("5") int reportsPerHour,
                            @DefaultValue("5242880") long maxAttachmentBytes,
                            @DefaultValue("3d") Duration acknowledgeWithin,
                            @DefaultValue("7d") Duration triageWithin,
                            @DefaultValue("30d") Duration fixCritical,
                            @DefaultValue("60d") Duration fixHigh,
                            @DefaultValue("90d") Duration fixMedium,
                            @DefaultValue("180d") Duration fixLow) {

    Duration fixWithin(String severity) {
        if (severity == null) {
            return fixLow;
        }
        return switch (severity) {
            case "CRITICAL" -> fixCritical;
            case "HIGH" -> fixHigh;
            case "MEDIUM" -> fixMedium;
            default -> fixLow;
        };
    }
}
