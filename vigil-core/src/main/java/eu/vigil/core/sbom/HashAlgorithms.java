package eu.vigil.core.sbom;

import java.util.Locale;
import java.util.Map;

import eu.vigil.core.InvalidInputException;

/**
 * Hash algorithm names of CycloneDX ({@code SHA-256}) and SPDX ({@code SHA256}) mapped to one
 * spelling (CycloneDX's), with the value checked to be hexadecimal of the algorithm's length.
 */
final class HashAlgorithms {

    record Normalised(String algorithm, String value) {
    }

    /** Key: name upper-cased without '-'. Value: CycloneDX spelling and hex length (0: any). */
    private static final Map<String, Object[]> KNOWN = Map.ofEntries(
            known("MD2", 32), known("MD4", 32), known("MD5", 32), known("MD6", 0),
            known("SHA-1", 40), known("SHA-224", 56), known("SHA-256", 64), known("SHA-384", 96),
            known("SHA-512", 128), known("SHA3-224", 56), known("SHA3-256", 64), known("SHA3-384", 96),
            known("SHA3-512", 128), known("BLAKE2b-256", 64), known("BLAKE2b-384", 96),
            known("BLAKE2b-512", 128), known("BLAKE3", 0), known("ADLER32", 8),
            known("Streebog-256", 64), known("Streebog-512", 128));

    private static Map.Entry<String, Object[]> known(String name, int hexLength) {
        return Map.entry(key(name), new Object[] {name, hexLength});
    }

    private static String key(String name) {
        return name.toUpperCase(Locale.ROOT).replace("-", "");
    }

    private HashAlgorithms() {
    }

    static Normalised normalise(String algorithm, String value, String where) {
        if (algorithm == null || algorithm.isBlank()) {
            throw new InvalidInputException("a hash of " + where + " has no algorithm");
        }
        Object[] known = KNOWN.get(key(algorithm.strip()));
        if (known == null) {
            throw new InvalidInputException("unknown hash algorithm '" + algorithm + "' in " + where);
        }
        String name = (String) known[0];
        int length = (Integer) known[1];
        String hex = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (hex.isEmpty() || !isHex(hex) || length > 0 && hex.length() != length) {
            throw new InvalidInputException("the " + name + " hash of " + where + " must be "
                    + (length > 0 ? length + " " : "") + "hexadecimal digits, not '" + abbreviate(value) + "'");
        }
        return new Normalised(name, hex);
    }

    private static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
