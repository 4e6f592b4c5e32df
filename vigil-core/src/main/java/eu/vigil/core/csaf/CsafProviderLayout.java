package eu.vigil.core.csaf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The files a CSAF trusted provider publishes under {@code /.well-known/csaf/} (CSAF 2.0 section 7):
 * {@code provider-metadata.json} (role {@code csaf_trusted_provider}, with the OpenPGP key), and per
 * TLP label a folder ({@code white/}, ...) holding the advisories in year folders of their initial
 * release ({@code white/2026/vigil-sa-2026-0001.json}) with {@code .sha256}, {@code .sha512} and
 * {@code .asc} beside each, {@code index.txt}, {@code changes.csv} (newest first) and a ROLIE feed
 * ({@code csaf-feed-tlp-white.json}). The public key is at {@code openpgp/<fingerprint>.asc}.
 */
public final class CsafProviderLayout {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A published advisory: its CSAF bytes exactly as served, and the facts the indexes need. */
    public record Published(String trackingId, String title, String tlp, Instant initialRelease,
                            Instant currentRelease, byte[] document) {
    }

    /** The provider: the site's base URL (https://host), and the publisher as in the advisories. */
    public record Provider(String baseUrl, String publisherName, String publisherNamespace, String contactDetails) {
    }

    private CsafProviderLayout() {
    }

    /** Every file, by its path below {@code /.well-known/csaf/}, in a stable order. */
    public static Map<String, byte[]> build(Provider provider, OpenPgpSigner signer, List<Published> advisories,
            Instant lastUpdated) {
        Map<String, byte[]> files = new TreeMap<>();
        String root = provider.baseUrl() + "/.well-known/csaf/";
        Map<String, List<Published>> byTlp = new TreeMap<>();
        for (Published advisory : advisories) {
            byTlp.computeIfAbsent(advisory.tlp().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(advisory);
        }
        ArrayNode feeds = JSON.createArrayNode();
        for (Map.Entry<String, List<Published>> entry : byTlp.entrySet()) {
            String tlp = entry.getKey();
            List<Published> list = new ArrayList<>(entry.getValue());
            list.sort(Comparator.comparing(Published::currentRelease).reversed()
                    .thenComparing(Published::trackingId));
            StringBuilder index = new StringBuilder();
            StringBuilder changes = new StringBuilder();
            String feedName = "csaf-feed-tlp-" + tlp + ".json";
            ObjectNode feedDoc = JSON.createObjectNode();
            ObjectNode feed = feedDoc.putObject("feed");
            feed.put("id", provider.publisherNamespace().replaceAll("[^A-Za-z0-9]+", "-") + "-csaf-feed-tlp-" + tlp);
            feed.put("title", provider.publisherName() + " CSAF feed (TLP:" + tlp.toUpperCase(Locale.ROOT) + ")");
            feed.putArray("link").addObject().put("rel", "self").put("href", root + tlp + "/" + feedName);
            feed.putArray("category").addObject().put("scheme", "urn:ietf:params:rolie:category:information-type")
                    .put("term", "csaf");
            feed.put("updated", CsafWriter.time(lastUpdated));
            ArrayNode entries = feed.putArray("entry");
            List<Published> byName = new ArrayList<>(list);
            byName.sort(Comparator.comparing(p -> CsafWriter.fileName(p.trackingId())));
            for (Published advisory : byName) {
                index.append(path(advisory)).append('\n');
            }
            for (Published advisory : list) {
                String relative = path(advisory);
                String url = root + tlp + "/" + relative;
                files.put(tlp + "/" + relative, advisory.document());
                String name = CsafWriter.fileName(advisory.trackingId());
                files.put(tlp + "/" + relative + ".sha256",
                        (hex("SHA-256", advisory.document()) + "  " + name + "\n").getBytes(StandardCharsets.UTF_8));
                files.put(tlp + "/" + relative + ".sha512",
                        (hex("SHA-512", advisory.document()) + "  " + name + "\n").getBytes(StandardCharsets.UTF_8));
                files.put(tlp + "/" + relative + ".asc", signer.sign(advisory.document())
                        .getBytes(StandardCharsets.US_ASCII));
                changes.append('"').append(relative).append("\",\"").append(CsafWriter.time(advisory.currentRelease()))
                        .append("\"\n");
                ObjectNode item = entries.addObject();
                item.put("id", advisory.trackingId());
                item.put("title", advisory.title());
                item.putArray("link").addObject().put("rel", "self").put("href", url);
                item.put("published", CsafWriter.time(advisory.initialRelease()));
                item.put("updated", CsafWriter.time(advisory.currentRelease()));
                item.putObject("content").put("type", "application/json").put("src", url);
                item.putObject("format").put("schema", CsafSchemas.CSAF_ID).put("version", "2.0");
                ArrayNode links = item.withArray("link");
                links.addObject().put("rel", "hash").put("href", url + ".sha256");
                links.addObject().put("rel", "hash").put("href", url + ".sha512");
                links.addObject().put("rel", "signature").put("href", url + ".asc");
            }
            files.put(tlp + "/index.txt", index.toString().getBytes(StandardCharsets.UTF_8));
            files.put(tlp + "/changes.csv", changes.toString().getBytes(StandardCharsets.UTF_8));
            files.put(tlp + "/" + feedName, json(feedDoc));
            feeds.addObject().put("summary", "TLP:" + tlp.toUpperCase(Locale.ROOT) + " advisories")
                    .put("tlp_label", tlp.toUpperCase(Locale.ROOT)).put("url", root + tlp + "/" + feedName);
        }
        files.put("openpgp/" + signer.fingerprint() + ".asc",
                signer.armoredPublicKey().getBytes(StandardCharsets.US_ASCII));
        files.put("provider-metadata.json", json(metadata(provider, signer, feeds, lastUpdated)));
        return files;
    }

    private static ObjectNode metadata(Provider provider, OpenPgpSigner signer, ArrayNode feeds, Instant lastUpdated) {
        String root = provider.baseUrl() + "/.well-known/csaf/";
        ObjectNode metadata = JSON.createObjectNode();
        metadata.put("canonical_url", root + "provider-metadata.json");
        ObjectNode distribution = metadata.putArray("distributions").addObject();
        if (!feeds.isEmpty()) {
            distribution.putObject("rolie").set("feeds", feeds);
        } else {
            distribution.put("directory_url", root + "white/");
        }
        metadata.put("last_updated", CsafWriter.time(lastUpdated));
        metadata.put("list_on_CSAF_aggregators", true);
        metadata.put("metadata_version", "2.0");
        metadata.put("mirror_on_CSAF_aggregators", true);
        metadata.putArray("public_openpgp_keys").addObject().put("fingerprint", signer.fingerprint())
                .put("url", root + "openpgp/" + signer.fingerprint() + ".asc");
        ObjectNode publisher = metadata.putObject("publisher");
        publisher.put("category", "vendor");
        if (provider.contactDetails() != null && !provider.contactDetails().isBlank()) {
            publisher.put("contact_details", provider.contactDetails());
        }
        publisher.put("name", provider.publisherName());
        publisher.put("namespace", provider.publisherNamespace());
        metadata.put("role", "csaf_trusted_provider");
        return metadata;
    }

    /** {@code <year of initial release>/<file name>}. */
    public static String path(Published advisory) {
        return advisory.initialRelease().atOffset(ZoneOffset.UTC).getYear() + "/"
                + CsafWriter.fileName(advisory.trackingId());
    }

    private static byte[] json(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
