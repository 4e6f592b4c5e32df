package eu.vigil.core.syslog;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Writes RFC 5424 messages; the result always parses back with {@link Rfc5424Parser} to an equal message. */
public final class Rfc5424Formatter {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    private Rfc5424Formatter() {
    }

    /** An RFC 3339 timestamp with microseconds, in UTC. */
    public static String timestamp(java.time.Instant instant) {
        return MICROS.format(OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    public static String format(SyslogMessage m) {
        StringBuilder out = new StringBuilder(256);
        out.append('<').append(m.priority()).append('>').append(m.version()).append(' ')
                .append(m.timestamp() == null ? "-" : m.timestamp()).append(' ');
        header(out, m.hostname(), 255).append(' ');
        header(out, m.appName(), 48).append(' ');
        header(out, m.procId(), 128).append(' ');
        header(out, m.msgId(), 32).append(' ');
        if (m.structuredData() == null || m.structuredData().isEmpty()) {
            out.append('-');
        } else {
            for (SyslogMessage.StructuredElement element : m.structuredData()) {
                out.append('[').append(name(element.id()));
                for (SyslogMessage.Param param : element.params()) {
                    out.append(' ').append(name(param.name())).append("=\"");
                    escape(out, param.value());
                    out.append('"');
                }
                out.append(']');
            }
        }
        if (m.message() != null && !m.message().isEmpty()) {
            out.append(' ');
            if (m.utf8Bom()) {
                out.append('\uFEFF');
            }
            out.append(m.message());
        }
        return out.toString();
    }

    /** A header field made safe: printable US-ASCII only (others become {@code _}), cut to its limit. */
    private static StringBuilder header(StringBuilder out, String value, int max) {
        if (value == null || value.isEmpty() || value.equals("-")) {
            return out.append('-');
        }
        int length = Math.min(value.length(), max);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            out.append(c >= 33 && c <= 126 ? c : '_');
        }
        return out;
    }

    /** An SD-ID or PARAM-NAME: printable US-ASCII except {@code = ] " SP}, at most 32. */
    private static String name(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), 32));
        for (int i = 0; i < value.length() && out.length() < 32; i++) {
            char c = value.charAt(i);
            out.append(c >= 33 && c <= 126 && c != '=' && c != ']' && c != '"' ? c : '_');
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("an SD-ID or parameter name cannot be empty");
        }
        return out.toString();
    }

    private static void escape(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == ']') {
                out.append('\\');
            }
            out.append(c);
        }
    }
}
