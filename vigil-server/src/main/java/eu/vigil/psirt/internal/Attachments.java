package eu.vigil.psirt.internal;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The proof-of-concept attachments the intake accepts: by extension, and only when the content
 * starts as that type does (so a renamed executable is refused). Never executed, stored encrypted.
 */
final class Attachments {

    static final Map<String, String> TYPES = Map.of(
            "txt", "text/plain", "md", "text/plain", "log", "text/plain", "json", "application/json",
            "pdf", "application/pdf", "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg",
            "zip", "application/zip", "pcap", "application/vnd.tcpdump.pcap");

    private Attachments() {
    }

    /** The media type of an acceptable attachment; throws with a message naming what is accepted. */
    static String check(String fileName, byte[] content, long maxBytes) {
        if (content.length == 0) {
            throw new InvalidPsirtInput("The attachment is empty.");
        }
        if (content.length > maxBytes) {
            throw new InvalidPsirtInput("The attachment has " + content.length + " bytes; at most " + maxBytes
                    + " are accepted.");
        }
        String name = fileName == null ? "" : fileName;
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(extension);
        if (type == null || !matches(extension, content)) {
            throw new InvalidPsirtInput("The attachment must be one of " + String.join(", ",
                    new java.util.TreeSet<>(TYPES.keySet())) + " (and be what its name says); '"
                    + name.replaceAll("[^\\p{Print}]", "?") + "' is not.");
        }
        return type;
    }

    private static boolean matches(String extension, byte[] c) {
        return switch (extension) {
            case "pdf" -> starts(c, '%', 'P', 'D', 'F', '-');
            case "png" -> starts(c, 0x89, 'P', 'N', 'G');
            case "jpg", "jpeg" -> starts(c, 0xFF, 0xD8, 0xFF);
            case "zip" -> starts(c, 'P', 'K', 3, 4);
            case "pcap" -> starts(c, 0xD4, 0xC3, 0xB2, 0xA1) || starts(c, 0xA1, 0xB2, 0xC3, 0xD4)
                    || starts(c, 0x0A, 0x0D, 0x0D, 0x0A);
            default -> text(c);
        };
    }

    private static boolean starts(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean text(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
