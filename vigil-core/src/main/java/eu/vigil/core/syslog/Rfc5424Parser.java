package eu.vigil.core.syslog;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import eu.vigil.core.InvalidInputException;

/**
 * A strict RFC 5424 parser: every header field, its length and character set, RFC 3339
 * timestamps with real calendar dates and at most six fraction digits, structured data with
 * escapes and no repeated SD-ID. Errors name the field and the column (0-based). Runs in time
 * linear in the input and never recurses, so it is safe on hostile input.
 */
public final class Rfc5424Parser {

    private static final char BOM = '\uFEFF';
    private final String in;
    private int pos;

    private Rfc5424Parser(String input) {
        this.in = input;
    }

    public static SyslogMessage parse(String message) {
        if (message == null) {
            throw new InvalidInputException("no syslog message");
        }
        return new Rfc5424Parser(message).message();
    }

    private InvalidInputException error(String expected) {
        return new InvalidInputException("not an RFC 5424 message: expecting " + expected + " [col " + pos + "]");
    }

    private boolean end() {
        return pos >= in.length();
    }

    private char peek() {
        return in.charAt(pos);
    }

    private SyslogMessage message() {
        int priority = priority();
        int version = version();
        space("a space after the version");
        String timestamp = timestamp();
        space("a space after the timestamp");
        String hostname = headerField(255, "a hostname (1 to 255 printable US-ASCII characters) or -");
        space("a space after the hostname");
        String appName = headerField(48, "an app-name (1 to 48 printable US-ASCII characters) or -");
        space("a space after the app-name");
        String procId = headerField(128, "a procid (1 to 128 printable US-ASCII characters) or -");
        space("a space after the procid");
        String msgId = headerField(32, "a msgid (1 to 32 printable US-ASCII characters) or -");
        space("a space after the msgid");
        List<SyslogMessage.StructuredElement> data = structuredData();
        String text = null;
        boolean bom = false;
        if (!end()) {
            space("a space before the message, or the end");
            String rest = in.substring(pos);
            if (!rest.isEmpty() && rest.charAt(0) == BOM) {
                bom = true;
                rest = rest.substring(1);
            }
            text = rest.isEmpty() ? null : rest;
        }
        return new SyslogMessage(priority / 8, priority % 8, version, timestamp, hostname, appName, procId, msgId,
                data, text, bom);
    }

    private void space(String expected) {
        if (end() || peek() != ' ') {
            throw error(expected);
        }
        pos++;
    }

    private int priority() {
        if (end() || peek() != '<') {
            throw error("a priority value within angle brackets");
        }
        pos++;
        int start = pos;
        while (!end() && Character.isDigit(peek()) && peek() < 128 && pos - start < 3) {
            pos++;
        }
        int digits = pos - start;
        if (digits == 0 || end() || peek() != '>' || (digits > 1 && in.charAt(start) == '0')) {
            throw error("a priority value in the range 1-191 or equal to 0");
        }
        int value = Integer.parseInt(in, start, pos, 10);
        if (value > 191) {
            throw error("a priority value in the range 1-191 or equal to 0");
        }
        pos++;
        return value;
    }

    private int version() {
        int start = pos;
        while (!end() && peek() >= '0' && peek() <= '9' && pos - start < 3) {
            pos++;
        }
        if (pos == start || in.charAt(start) == '0' || (!end() && peek() >= '0' && peek() <= '9')) {
            throw error("a version value in the range 1-999");
        }
        return Integer.parseInt(in, start, pos, 10);
    }

    private String headerField(int max, String expected) {
        int start = pos;
        while (!end() && peek() != ' ') {
            char c = peek();
            if (c < 33 || c > 126 || pos - start >= max) {
                throw error(expected);
            }
            pos++;
        }
        if (pos == start) {
            throw error(expected);
        }
        String value = in.substring(start, pos);
        return value.equals("-") ? null : value;
    }

    private int digits(int count, String expected) {
        int value = 0;
        for (int i = 0; i < count; i++) {
            if (end() || peek() < '0' || peek() > '9') {
                throw error(expected);
            }
            value = value * 10 + (peek() - '0');
            pos++;
        }
        return value;
    }

    private void expect(char c, String expected) {
        if (end() || peek() != c) {
            throw error(expected);
        }
        pos++;
    }

    private String timestamp() {
        String expected = "an RFC 3339 timestamp (at most microseconds) or -";
        int start = pos;
        if (!end() && peek() == '-') {
            pos++;
            if (end() || peek() == ' ') {
                return null;
            }
            throw error(expected);
        }
        int year = digits(4, expected);
        expect('-', expected);
        int month = digits(2, expected);
        if (month < 1 || month > 12) {
            throw error(expected);
        }
        expect('-', expected);
        int day = digits(2, expected);
        if (day < 1 || day > 31) {
            throw error(expected);
        }
        expect('T', expected);
        int hour = digits(2, expected);
        expect(':', expected);
        int minute = digits(2, expected);
        expect(':', expected);
        int second = digits(2, expected);
        if (hour > 23 || minute > 59 || second > 59) {
            throw error(expected);
        }
        if (!end() && peek() == '.') {
            pos++;
            int fractionStart = pos;
            while (!end() && peek() >= '0' && peek() <= '9') {
                pos++;
                if (pos - fractionStart > 6) {
                    throw error(expected);
                }
            }
            if (pos == fractionStart) {
                throw error(expected);
            }
        }
        if (!end() && peek() == 'Z') {
            pos++;
        } else if (!end() && (peek() == '+' || peek() == '-')) {
            pos++;
            int offsetHours = digits(2, expected);
            expect(':', expected);
            int offsetMinutes = digits(2, expected);
            if (offsetHours > 23 || offsetMinutes > 59) {
                throw error(expected);
            }
        } else {
            throw error(expected);
        }
        try {
            LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new InvalidInputException("not an RFC 5424 message: the timestamp " + in.substring(start, pos)
                    + " names a day that does not exist [col " + pos + "]");
        }
        return in.substring(start, pos);
    }

    private List<SyslogMessage.StructuredElement> structuredData() {
        if (!end() && peek() == '-') {
            pos++;
            return null;
        }
        if (end() || peek() != '[') {
            throw error("structured data: - or one or more elements [id key=\"value\"]");
        }
        List<SyslogMessage.StructuredElement> elements = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        while (!end() && peek() == '[') {
            pos++;
            int idStart = pos;
            String id = sdName("a structured data element id (1 to 32 printable US-ASCII characters except = ] \" and space)");
            if (!ids.add(id)) {
                pos = idStart;
                throw new InvalidInputException("not an RFC 5424 message: duplicate structured data element id "
                        + id + " [col " + pos + "]");
            }
            List<SyslogMessage.Param> params = new ArrayList<>();
            while (!end() && peek() == ' ') {
                pos++;
                String name = sdName("a structured data parameter (key=\"value\", key 1 to 32 printable US-ASCII characters)");
                expect('=', "= after the parameter name " + name);
                expect('"', "a quoted parameter value");
                params.add(new SyslogMessage.Param(name, paramValue()));
            }
            expect(']', "] or a space and another parameter");
            elements.add(new SyslogMessage.StructuredElement(id, params));
        }
        return elements;
    }

    private String sdName(String expected) {
        int start = pos;
        while (!end()) {
            char c = peek();
            if (c == '=' || c == ' ' || c == ']' || c == '"') {
                break;
            }
            if (c < 33 || c > 126 || pos - start >= 32) {
                throw error(expected);
            }
            pos++;
        }
        if (pos == start) {
            throw error(expected);
        }
        return in.substring(start, pos);
    }

    private String paramValue() {
        StringBuilder value = new StringBuilder();
        while (true) {
            if (end()) {
                throw error("a closing \" of the parameter value");
            }
            char c = peek();
            if (c == '"') {
                pos++;
                return value.toString();
            }
            if (c == ']') {
                throw error("the characters ] \" and \\ to be escaped within a parameter value");
            }
            if (c == '\\' && pos + 1 < in.length()) {
                char next = in.charAt(pos + 1);
                if (next == '"' || next == '\\' || next == ']') {
                    value.append(next);
                    pos += 2;
                    continue;
                }
            }
            value.append(c);
            pos++;
        }
    }
}
