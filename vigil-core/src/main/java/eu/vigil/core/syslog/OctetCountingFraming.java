package eu.vigil.core.syslog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;

import eu.vigil.core.InvalidInputException;

/**
 * Syslog over a stream (RFC 6587; RFC 5425 for TLS): each message is {@code MSG-LEN SP MSG}
 * (octet counting). The reader also takes non-transparent framing (messages ended by LF), which
 * some senders use, and tells them apart by the first byte. Frames longer than the limit are
 * refused, so a hostile peer cannot make the reader buffer without bound.
 */
public final class OctetCountingFraming {

    private OctetCountingFraming() {
    }

    public static void write(OutputStream out, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        out.write((bytes.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
    }

    /** Reads frames from one connection. */
    public static final class Reader {
        private final PushbackInputStream in;
        private final int maxLength;

        public Reader(InputStream in, int maxLength) {
            this.in = new PushbackInputStream(in, 1);
            this.maxLength = maxLength;
        }

        /** The next message, or {@code null} at the end of the stream. */
        public String next() throws IOException {
            int first = in.read();
            while (first == '\n' || first == '\r') {
                first = in.read();
            }
            if (first < 0) {
                return null;
            }
            if (first >= '1' && first <= '9') {
                long length = first - '0';
                int c;
                while ((c = in.read()) >= '0' && c <= '9') {
                    length = length * 10 + (c - '0');
                    if (length > maxLength) {
                        throw new InvalidInputException("syslog frame longer than " + maxLength + " bytes");
                    }
                }
                if (c != ' ') {
                    throw new InvalidInputException("syslog frame: expecting a space after the length");
                }
                byte[] message = in.readNBytes((int) length);
                if (message.length < length) {
                    throw new InvalidInputException("syslog frame truncated: " + message.length + " of " + length + " bytes");
                }
                return new String(message, StandardCharsets.UTF_8);
            }
            if (first == '<') {
                java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
                line.write(first);
                int c;
                while ((c = in.read()) >= 0 && c != '\n') {
                    if (line.size() >= maxLength) {
                        throw new InvalidInputException("syslog line longer than " + maxLength + " bytes");
                    }
                    line.write(c);
                }
                return line.toString(StandardCharsets.UTF_8);
            }
            throw new InvalidInputException("syslog frame: expecting a length or <, found byte " + first);
        }
    }
}
