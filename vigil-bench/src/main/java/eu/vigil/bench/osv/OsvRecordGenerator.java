package eu.vigil.bench.osv;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes an osv.dev-style zip of OSV records for benchmarks: every real record of the shared test
 * material (PyPA, Go, crates.io), then copies of them shaped the same (same ranges, versions,
 * aliases count and text sizes) under new ids and new package names, up to the requested count.
 */
public final class OsvRecordGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OsvRecordGenerator() {
    }

    /** The real records' JSON files under {@code testdata/osv}. */
    static List<Path> realRecordFiles(Path osvTestData) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("pypa-advisory-database", "Go", "crates.io")) {
            try (Stream<Path> walk = Files.walk(osvTestData.resolve(folder))) {
                walk.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    /** Writes {@code count} records into {@code zip}; returns how many of them are real. */
    static int writeZip(Path osvTestData, Path zip, int count) throws IOException {
        List<Path> real = realRecordFiles(osvTestData);
        List<JsonNode> templates = new ArrayList<>(real.size());
        Files.createDirectories(zip.getParent());
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            int written = 0;
            for (Path file : real) {
                if (written == count) {
                    break;
                }
                byte[] bytes = Files.readAllBytes(file);
                templates.add(JSON.readTree(bytes));
                z.putNextEntry(new ZipEntry(file.getFileName().toString()));
                z.write(bytes);
                written++;
            }
            int realCount = written;
            for (int n = 0; written < count; n++, written++) {
                JsonNode copy = shapedLike(templates.get(n % templates.size()), n);
                z.putNextEntry(new ZipEntry(copy.get("id").asText() + ".json"));
                z.write(JSON.writeValueAsBytes(copy));
            }
            return realCount;
        }
    }

    /** A copy of a real record with a new id, new aliases and new package names. */
    static JsonNode shapedLike(JsonNode template, int n) {
        ObjectNode copy = template.deepCopy();
        copy.put("id", "GEN-" + n);
        if (copy.get("aliases") instanceof ArrayNode aliases) {
            ArrayNode renamed = JSON.createArrayNode();
            for (int i = 0; i < aliases.size(); i++) {
                renamed.add("GEN-ALIAS-" + n + "-" + i);
            }
            copy.set("aliases", renamed);
        }
        if (copy.get("affected") instanceof ArrayNode affected) {
            for (JsonNode entry : affected) {
                if (entry.get("package") instanceof ObjectNode pkg && pkg.has("name")) {
                    // about ten records per generated package, as in the real data
                    pkg.put("name", pkg.get("name").asText() + "-gen" + (n / 10));
                }
            }
        }
        return copy;
    }
}
