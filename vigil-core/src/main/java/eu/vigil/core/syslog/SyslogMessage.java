package eu.vigil.core.syslog;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * One RFC 5424 message. Header fields that are the NILVALUE ({@code -}) are {@code null}.
 *
 * @param facility        0 to 23
 * @param severity        0 (emergency) to 7 (debug)
 * @param version         1 to 999 (1 for RFC 5424)
 * @param timestamp       the TIMESTAMP as written (RFC 3339, at most microseconds), or {@code null}
 * @param structuredData  the SD-ELEMENTs in order, or {@code null} for none ({@code -})
 * @param message         MSG without a leading BOM, or {@code null} when absent or empty
 * @param utf8Bom         whether MSG began with the byte order mark (declared UTF-8)
 */
public record SyslogMessage(int facility, int severity, int version, String timestamp, String hostname,
                            String appName, String procId, String msgId, List<StructuredElement> structuredData,
                            String message, boolean utf8Bom) {

    public SyslogMessage {
        if (facility < 0 || facility > 23) {
            throw new IllegalArgumentException("facility must be 0 to 23");
        }
        if (severity < 0 || severity > 7) {
            throw new IllegalArgumentException("severity must be 0 to 7");
        }
        structuredData = structuredData == null ? null : List.copyOf(structuredData);
    }

    public int priority() {
        return facility * 8 + severity;
    }

    /** The timestamp as a value, or {@code null}. */
    public OffsetDateTime dateTime() {
        return timestamp == null ? null : OffsetDateTime.parse(timestamp, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The element with this SD-ID, or {@code null}. */
    public StructuredElement element(String id) {
        if (structuredData == null) {
            return null;
        }
        return structuredData.stream().filter(e -> Objects.equals(e.id(), id)).findFirst().orElse(null);
    }

    /** An SD-ELEMENT: its SD-ID and parameters in order (a name may repeat). */
    public record StructuredElement(String id, List<Param> params) {
        public StructuredElement {
            params = List.copyOf(params);
        }

        /** The first value of {@code name}, or {@code null}. */
        public String value(String name) {
            return params.stream().filter(p -> p.name().equals(name)).map(Param::value).findFirst().orElse(null);
        }
    }

    public record Param(String name, String value) {
    }
}
