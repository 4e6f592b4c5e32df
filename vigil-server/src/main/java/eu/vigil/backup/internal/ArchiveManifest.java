package eu.vigil.backup.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The last entry of an archive: every other entry's name, size and SHA-256, the tables and row
 * counts, and a signature (Ed25519, key purpose {@code backup.manifest}) over all of that.
 */
final class ArchiveManifest {

    static final String ENTRY = "manifest.json";
    static final String SIGNING_PURPOSE = "backup.manifest";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Entry(String name, long size, String sha256) {
    }

    record Table(String name, String entry, long rows) {
    }

    private ArchiveManifest() {
    }

    static ObjectNode unsigned(String archiveId, String schemaVersion, String database, List<Entry> entries, List<Table> tables) {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("archiveId", archiveId);
        manifest.put("schemaVersion", schemaVersion);
        manifest.put("database", database);
        var tableArray = manifest.putArray("tables");
        for (Table t : tables) {
            tableArray.addObject().put("name", t.name()).put("entry", t.entry()).put("rows", t.rows());
        }
        var entryArray = manifest.putArray("entries");
        for (Entry e : entries) {
            entryArray.addObject().put("name", e.name()).put("size", e.size()).put("sha256", e.sha256());
        }
        return manifest;
    }

    static byte[] signedBytes(ObjectNode unsigned) {
        try {
            return JSON.writeValueAsBytes(unsigned);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] withSignature(ObjectNode unsigned, String keyId, String algorithm, String publicKeyPem, byte[] signature) {
        ObjectNode signed = unsigned.deepCopy();
        signed.putObject("signature").put("keyId", keyId).put("algorithm", algorithm).put("publicKey", publicKeyPem)
                .put("value", Base64.getEncoder().encodeToString(signature));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(signed);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(byte[] bytes) throws IOException {
        return JSON.readTree(bytes);
    }

    /** Checks the signature against the public key the manifest carries; returns a problem or {@code null}. */
    static String checkSignature(JsonNode manifest) {
        JsonNode signature = manifest.get("signature");
        if (signature == null) {
            return "the manifest is not signed";
        }
        ObjectNode unsigned = ((ObjectNode) manifest).deepCopy();
        unsigned.remove("signature");
        try {
            String algorithm = signature.get("algorithm").asText();
            String keyAlgorithm = algorithm.equals("ED25519") ? "Ed25519" : "EC";
            String signatureAlgorithm = algorithm.equals("ED25519") ? "Ed25519" : "SHA256withECDSA";
            byte[] der = Base64.getMimeDecoder().decode(signature.get("publicKey").asText()
                    .replaceAll("-----[A-Z ]+-----", ""));
            Signature verifier = Signature.getInstance(signatureAlgorithm);
            verifier.initVerify(KeyFactory.getInstance(keyAlgorithm).generatePublic(new X509EncodedKeySpec(der)));
            verifier.update(signedBytes(unsigned));
            return verifier.verify(Base64.getDecoder().decode(signature.get("value").asText()))
                    ? null : "the manifest's signature does not verify";
        } catch (GeneralSecurityException | RuntimeException e) {
            return "the manifest's signature cannot be checked: " + e.getMessage();
        }
    }

    static Map<String, Entry> entries(JsonNode manifest) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        manifest.get("entries").forEach(e -> entries.put(e.get("name").asText(),
                new Entry(e.get("name").asText(), e.get("size").asLong(), e.get("sha256").asText())));
        return entries;
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
