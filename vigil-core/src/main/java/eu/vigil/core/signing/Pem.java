package eu.vigil.core.signing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import eu.vigil.core.InvalidInputException;

/**
 * PEM armour (RFC 7468) of one DER object: {@code -----BEGIN LABEL-----}, base64, {@code
 * -----END LABEL-----}. Decoding is strict about the base64 and the matching labels, and bounded.
 */
record Pem(String label, byte[] der) {

    /** Far above any key this package reads (a P-256 PKCS#8 key is about 240 characters). */
    static final int MAX_LENGTH = 64 * 1024;

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    /**
     * The first PEM block of {@code text} whose label is not {@code skipLabel} (openssl writes an
     * {@code EC PARAMETERS} block before some EC keys).
     */
    static Pem decode(String text, String what, String skipLabel) {
        if (text.length() > MAX_LENGTH) {
            throw new InvalidInputException(what + " is too large for a PEM key (" + text.length() + " characters)");
        }
        int from = 0;
        while (true) {
            int begin = text.indexOf(BEGIN, from);
            if (begin < 0) {
                throw new InvalidInputException(what + " is not PEM: no \"-----BEGIN ...-----\" line");
            }
            int labelStart = begin + BEGIN.length();
            int labelEnd = text.indexOf(DASHES, labelStart);
            int lineEnd = lineEnd(text, labelStart);
            if (labelEnd < 0 || labelEnd > lineEnd) {
                throw new InvalidInputException(what + " has a malformed PEM BEGIN line");
            }
            String label = text.substring(labelStart, labelEnd);
            if (label.isEmpty()) {
                throw new InvalidInputException(what + " has a PEM BEGIN line without label");
            }
            String endLine = END + label + DASHES;
            int bodyStart = labelEnd + DASHES.length();
            int end = text.indexOf(endLine, bodyStart);
            if (end < 0) {
                throw new InvalidInputException(what + " has no \"" + endLine + "\" line");
            }
            if (label.equals(skipLabel)) {
                from = end + endLine.length();
                continue;
            }
            String body = text.substring(bodyStart, end);
            if (body.contains(":")) {
                throw new InvalidInputException(what + " is an encrypted or annotated PEM key (headers such as "
                        + "Proc-Type); decrypt it first, e.g. with openssl pkey");
            }
            StringBuilder base64 = new StringBuilder(body.length());
            for (int index = 0; index < body.length(); index++) {
                char c = body.charAt(index);
                if (c != '\n' && c != '\r' && c != ' ' && c != '\t') {
                    base64.append(c);
                }
            }
            try {
                return new Pem(label, Base64.getDecoder().decode(base64.toString()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(what + " has invalid base64 in its " + label + " block: " + e.getMessage());
            }
        }
    }

    String encode() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return BEGIN + label + DASHES + "\n" + base64 + "\n" + END + label + DASHES + "\n";
    }

    private static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }
}
