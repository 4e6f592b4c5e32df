package eu.vigil.backup.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.vigil.backup.InvalidArchiveException;
import eu.vigil.core.crypto.CanonicalRecord;

/**
 * The clear part of an archive: {@code VIGILBAK}, a format byte, the header's length and the
 * header (JSON: id, time, database kind, schema version, the archive key sealed under the master
 * key, and the passphrase-protected master key store). The encrypted part authenticates the
 * header, so changing it makes the archive fail to open.
 */
record ArchiveHeader(String archiveId, Instant createdAt, String database, String schemaVersion, String masterAlias,
                     byte[] sealedKey, byte[] masterKeyStore, byte[] bytes) {

    static final byte[] MAGIC = "VIGILBAK".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT = 1;
    private static final int MAX_HEADER = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    static ArchiveHeader of(String archiveId, Instant createdAt, String database, String schemaVersion, String masterAlias,
                            byte[] sealedKey, byte[] masterKeyStore) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("archiveId", archiveId);
        json.put("createdAt", createdAt.toString());
        json.put("database", database);
        json.put("schemaVersion", schemaVersion);
        json.put("masterAlias", masterAlias);
        json.put("sealedKey", Base64.getEncoder().encodeToString(sealedKey));
        json.put("masterKeyStore", Base64.getEncoder().encodeToString(masterKeyStore));
        try {
            byte[] bytes = JSON.writeValueAsBytes(json);
            return new ArchiveHeader(archiveId, createdAt, database, schemaVersion, masterAlias, sealedKey, masterKeyStore, bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.write(MAGIC);
        data.writeByte(FORMAT);
        data.writeInt(bytes.length);
        data.write(bytes);
        data.flush();
    }

    static ArchiveHeader read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = data.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new InvalidArchiveException("not a Vigil backup archive (it does not start with VIGILBAK)");
        }
        int format = data.read();
        if (format != FORMAT) {
            throw new InvalidArchiveException("unknown backup format " + format + " (this Vigil reads format " + FORMAT + ")");
        }
        int length = data.readInt();
        if (length <= 0 || length > MAX_HEADER) {
            throw new InvalidArchiveException("damaged backup archive: impossible header length " + length);
        }
        byte[] bytes = data.readNBytes(length);
        if (bytes.length < length) {
            throw new InvalidArchiveException("damaged backup archive: header truncated");
        }
        try {
            JsonNode json = JSON.readTree(bytes);
            return new ArchiveHeader(json.get("archiveId").asText(), Instant.parse(json.get("createdAt").asText()),
                    json.get("database").asText(), json.get("schemaVersion").asText(), json.get("masterAlias").asText(),
                    Base64.getDecoder().decode(json.get("sealedKey").asText()),
                    Base64.getDecoder().decode(json.get("masterKeyStore").asText()), bytes);
        } catch (RuntimeException e) {
            throw new InvalidArchiveException("damaged backup archive: header unreadable (" + e.getMessage() + ")", e);
        }
    }

    /** Binds the archive key to this archive. */
    byte[] keyContext() {
        return keyContext(archiveId);
    }

    static byte[] keyContext(String archiveId) {
        return new CanonicalRecord().string("vigil.backup-key.v1").string(archiveId).toByteArray();
    }

    /** What every chunk of the encrypted part authenticates. */
    byte[] associatedData() {
        return new CanonicalRecord().string("vigil.backup.v1").bytes(bytes).toByteArray();
    }
}
