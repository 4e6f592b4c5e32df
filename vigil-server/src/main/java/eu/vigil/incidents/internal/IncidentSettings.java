package eu.vigil.incidents.internal;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the incidents module, under {@code vigil.incidents}.
 *
 * @param displayZone         the time zone pages use when the browser has not told its own
 * @param remindEarlyWarning  how long before the early-warning deadline a reminder appears
 * @param remindNotification  how long before the notification deadline a reminder appears
 * @param remindReport        how long before the final or progress report deadline a reminder appears
 * @param futureTolerance     how far in the future a reported time may lie (clock skew of the sender)
 * @param maxDocumentSize     the largest document that may be attached to a continuity plan
 */
@ConfigurationProperties("vigil.incidents")
public record IncidentSettings(@DefaultValue("UTC") ZoneId displayZone,
                               @DefaultValue("6h") Duration remindEarlyWarning,
                               @DefaultValue("12h") Duration remindNotification,
                               @DefaultValue("3d") Duration remindReport,
                               @DefaultValue("2m") Duration futureTolerance,
                               @DefaultValue("20MB") DataSize maxDocumentSize) {
}
