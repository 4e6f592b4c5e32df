package eu.vigil.audit.internal;

import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.vigil.audit.AuditRecord;
import eu.vigil.core.crypto.CanonicalRecord;
import eu.vigil.core.crypto.HashChain;

/** How an entry is hashed, and how its details are stored (a JSON object, keys in insertion order). */
final class AuditEntryCodec {

    static final String DOMAIN = "vigil.audit-entry.v1";
    static final String GENESIS_HEX = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DETAILS_LIMIT = 4000;

    private AuditEntryCodec() {
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    /** The canonical bytes of an entry's fields: what its hash covers besides the previous hash. */
    static CanonicalRecord fields(CanonicalRecord record, long seq, Instant recordedAt, String actor, String clientAddress,
                                  String action, String objectType, String objectId, String outcome, String details) {
        return record.clear().number(seq).number(micros(recordedAt)).string(actor).string(clientAddress)
                .string(action).string(objectType).string(objectId).string(outcome).string(details);
    }

    static String hash(HashChain chain, CanonicalRecord scratch, String prevHash, AuditRecord entry, String details) {
        return HexFormat.of().formatHex(chain.link(HexFormat.of().parseHex(prevHash), fields(scratch, entry.seq(),
                entry.recordedAt(), entry.actor(), entry.clientAddress(), entry.action(), entry.objectType(),
                entry.objectId(), entry.outcome().name(), details)));
    }

    static String encodeDetails(Map<String, String> details) {
        if (details.isEmpty()) {
            return null;
        }
        try {
            Map<String, String> clean = new LinkedHashMap<>();
            details.forEach((k, v) -> clean.put(clean(k), clean(v)));
            String json = JSON.writeValueAsString(clean);
            if (json.length() <= DETAILS_LIMIT) {
                return json;
            }
            return JSON.writeValueAsString(Map.of("truncated", json.substring(0, DETAILS_LIMIT - 100)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> decodeDetails(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            // entries from before the chain hold "key=value; ..." text
            return Map.of("text", json);
        }
    }

    /** Cuts a value to fit its column and removes what PostgreSQL cannot store (NUL). */
    static String clean(String value, int limit) {
        if (value == null) {
            return null;
        }
        String cleaned = clean(value);
        return cleaned.length() <= limit ? cleaned : cleaned.substring(0, limit);
    }

    private static String clean(String value) {
        return value == null ? null : value.replace('\u0000', '\uFFFD');
    }
}
