package eu.vigil.sbom.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import eu.vigil.core.osv.OsvPackageRef;
import eu.vigil.core.purl.PackageUrl;
import eu.vigil.core.sbom.Component;
import eu.vigil.core.sbom.Dependency;
import eu.vigil.core.sbom.Sbom;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stores a parsed SBOM: the document row, each distinct component once (shared by every release
 * that contains it, keyed by purl and hashes), the release's component instances with their
 * shortest path from the release's root, and the dependency edges. Set-based: a 10,000-component
 * SBOM is a handful of batched statements.
 */
@Repository
class ComponentStore {

    /** Longest path text kept per component instance; deeper paths are shortened in the middle. */
    private static final int MAX_PATH = 3900;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ComponentStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    record StoredSbom(long documentId, int components, int newInRelease, Set<Long> componentIds) {
    }

    long insertDocument(long releaseId, String blobId, String fileName, Sbom sbom, String sha256, long size,
                        Instant now, String user) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sbom_document (release_id, blob_id, file_name, format, spec_version, serial_number, sha256,
                    size_bytes, component_count, uploaded_at, uploaded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(releaseId, blobId, Sql.cut(fileName, 300), sbom.format().name(), sbom.specVersion(),
                        Sql.cut(sbom.serialNumber(), 500), sha256, size, sbom.components().size(), Sql.at(now), user)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    StoredSbom store(long releaseId, long documentId, Sbom sbom) {
        // 1. distinct components: identity -> component
        Map<String, Component> byRefIdentity = new HashMap<>();
        Map<String, Component> distinct = new LinkedHashMap<>();
        for (Component c : sbom.components()) {
            String identity = identity(c);
            byRefIdentity.put(c.ref(), c);
            distinct.putIfAbsent(identity, c);
        }
        Map<String, Long> ids = ensureComponents(distinct);
        Map<String, Long> idByRef = new HashMap<>();
        for (Component c : sbom.components()) {
            idByRef.put(c.ref(), ids.get(identity(c)));
        }
        // 2. graph: dependencies and nesting, as edges between component ids
        Map<String, List<String>> children = new HashMap<>();
        Set<String> hasParent = new HashSet<>();
        for (Dependency d : sbom.dependencies()) {
            if (idByRef.containsKey(d.from()) && idByRef.containsKey(d.to()) && !d.from().equals(d.to())) {
                children.computeIfAbsent(d.from(), k -> new ArrayList<>()).add(d.to());
                hasParent.add(d.to());
            }
        }
        for (Component c : sbom.components()) {
            if (c.parentRef() != null && idByRef.containsKey(c.parentRef())) {
                children.computeIfAbsent(c.parentRef(), k -> new ArrayList<>()).add(c.ref());
                hasParent.add(c.ref());
            }
        }
        // 3. shortest path from the root (or from every component nothing depends on, without a root)
        List<String> roots = new ArrayList<>();
        if (sbom.rootRef() != null) {
            roots.add(sbom.rootRef());
        } else {
            for (Component c : sbom.components()) {
                if (!hasParent.contains(c.ref())) {
                    roots.add(c.ref());
                }
            }
        }
        Map<String, Integer> depth = new HashMap<>();
        Map<String, String> path = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        for (String root : roots) {
            depth.put(root, 0);
            path.put(root, label(byRefIdentity.get(root)));
            queue.add(root);
        }
        while (!queue.isEmpty()) {
            String ref = queue.poll();
            for (String child : children.getOrDefault(ref, List.of())) {
                if (!depth.containsKey(child)) {
                    depth.put(child, depth.get(ref) + 1);
                    path.put(child, shorten(path.get(ref) + " > " + label(byRefIdentity.get(child))));
                    queue.add(child);
                }
            }
        }
        // 4. instances in the release (a component already there from an earlier SBOM stays as it was)
        Set<Long> existing = new HashSet<>(jdbc.sql("SELECT component_id FROM sbom_release_component WHERE release_id = ?")
                .param(releaseId).query(Long.class).list());
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        for (Component c : sbom.components()) {
            long id = idByRef.get(c.ref());
            if (existing.contains(id)) {
                continue;
            }
            Integer d = depth.get(c.ref());
            Object[] row = {releaseId, id, documentId, Sql.cut(c.ref(), 1000), roots.contains(c.ref()) && d != null && d == 0
                    && sbom.rootRef() != null, d, path.get(c.ref())};
            Object[] before = rows.get(id);
            if (before == null || (d != null && (before[5] == null || (Integer) before[5] > d))) {
                rows.put(id, row);
            }
        }
        template.batchUpdate("""
                INSERT INTO sbom_release_component (release_id, component_id, document_id, bom_ref, is_root, depth, path)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", new ArrayList<>(rows.values()));
        Set<List<Long>> edges = new HashSet<>();
        children.forEach((from, tos) -> tos.forEach(to -> {
            long a = idByRef.get(from);
            long b = idByRef.get(to);
            if (a != b) {
                edges.add(List.of(a, b));
            }
        }));
        if (!existing.isEmpty()) {
            jdbc.sql("SELECT parent_id, child_id FROM sbom_edge WHERE release_id = ?").param(releaseId)
                    .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).list().forEach(edges::remove);
        }
        template.batchUpdate("INSERT INTO sbom_edge (release_id, parent_id, child_id) VALUES (?, ?, ?)",
                edges.stream().map(e -> new Object[] {releaseId, e.get(0), e.get(1)}).toList());
        return new StoredSbom(documentId, sbom.components().size(), rows.size(), new HashSet<>(idByRef.values()));
    }

    /** The ids of these components, inserting those not stored yet (with the packages they are matched as). */
    private Map<String, Long> ensureComponents(Map<String, Component> distinct) {
        Map<String, Long> ids = new HashMap<>();
        for (List<String> chunk : Sql.chunks(distinct.keySet(), Sql.CHUNK)) {
            jdbc.sql("SELECT identity_hash, id FROM sbom_component WHERE identity_hash IN (" + Sql.placeholders(chunk.size()) + ")")
                    .params(new ArrayList<Object>(chunk))
                    .query((rs, n) -> ids.put(rs.getString(1), rs.getLong(2))).list();
        }
        List<String> missing = distinct.keySet().stream().filter(k -> !ids.containsKey(k)).toList();
        if (missing.isEmpty()) {
            return ids;
        }
        List<Object[]> rows = new ArrayList<>(missing.size());
        for (String identity : missing) {
            Component c = distinct.get(identity);
            List<PackageRef> packages = packagesOf(c);
            rows.add(new Object[] {identity, Sql.cut(purlOf(c), 2000), Sql.cut(c.name(), 500), Sql.cut(versionOf(c), 200),
                    Sql.cut(c.group(), 500), Sql.cut(c.type(), 32), Sql.cut(c.supplier(), 500), Sql.cut(c.cpe(), 1000),
                    Sql.cut(String.join("\n", c.licenses()), 4000), Sql.cut(hashes(c), 4000),
                    packages.isEmpty() ? null : Sql.cut(packages.get(0).ref().matchKey(), 600)});
        }
        template.batchUpdate("""
                INSERT INTO sbom_component (identity_hash, purl, name, version, component_group, component_type, supplier,
                    cpe, licences, hashes, package_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        for (List<String> chunk : Sql.chunks(missing, Sql.CHUNK)) {
            jdbc.sql("SELECT identity_hash, id FROM sbom_component WHERE identity_hash IN (" + Sql.placeholders(chunk.size()) + ")")
                    .params(new ArrayList<Object>(chunk))
                    .query((rs, n) -> ids.put(rs.getString(1), rs.getLong(2))).list();
        }
        List<Object[]> packageRows = new ArrayList<>();
        for (String identity : missing) {
            for (PackageRef p : packagesOf(distinct.get(identity))) {
                packageRows.add(new Object[] {ids.get(identity), Sql.cut(p.ref().ecosystem(), 100),
                        Sql.cut(p.ref().name(), 500), Sql.cut(p.ref().matchKey(), 600), Sql.cut(p.version(), 200)});
            }
        }
        template.batchUpdate("""
                INSERT INTO sbom_component_package (component_id, ecosystem, package_name, match_key, version)
                VALUES (?, ?, ?, ?, ?)""", packageRows);
        return ids;
    }

    /** An OSV package a component is matched as, with the version to match. */
    record PackageRef(OsvPackageRef ref, String version) {
    }

    /** The purl's OSV package, and the CPE's {@code vendor:product} under the ecosystem "CPE". */
    static List<PackageRef> packagesOf(Component c) {
        List<PackageRef> refs = new ArrayList<>(2);
        PackageUrl purl = c.packageUrl();
        String version = versionOf(c);
        if (purl != null && version != null && !version.isBlank()) {
            OsvPackageRef ref = OsvPackageRef.fromPurl(purl.type(), purl.namespace(), purl.name(),
                    purl.qualifiers().get("distro"));
            refs.add(new PackageRef(ref, version));
        }
        String cpe = c.cpe();
        if (cpe != null) {
            String[] parts = cpe.startsWith("cpe:2.3:") ? cpe.substring(8).split(":")
                    : cpe.startsWith("cpe:/") ? cpe.substring(5).split(":") : new String[0];
            if (parts.length >= 3 && !parts[1].isBlank() && !parts[2].isBlank() && !parts[1].equals("*")) {
                String cpeVersion = parts.length >= 4 && !parts[3].isBlank() && !parts[3].equals("*") && !parts[3].equals("-")
                        ? parts[3] : c.version();
                if (cpeVersion != null && !cpeVersion.isBlank()) {
                    refs.add(new PackageRef(new OsvPackageRef("CPE", parts[1] + ":" + parts[2]), cpeVersion));
                }
            }
        }
        return refs;
    }

    static String versionOf(Component c) {
        PackageUrl purl = c.packageUrl();
        return purl != null && purl.version() != null ? purl.version() : c.version();
    }

    static String purlOf(Component c) {
        return c.packageUrl() != null ? c.packageUrl().canonical() : c.purl();
    }

    private static String label(Component c) {
        if (c == null) {
            return "?";
        }
        String v = versionOf(c);
        return (c.group() != null && c.packageUrl() == null ? c.group() + ":" : "") + c.name() + (v == null ? "" : "@" + v);
    }

    private static String shorten(String path) {
        if (path.length() <= MAX_PATH) {
            return path;
        }
        return path.substring(0, MAX_PATH / 2 - 3) + " … " + path.substring(path.length() - MAX_PATH / 2);
    }

    private static String hashes(Component c) {
        Map<String, String> sorted = new TreeMap<>(c.hashes());
        StringBuilder text = new StringBuilder();
        sorted.forEach((alg, value) -> text.append(text.isEmpty() ? "" : "\n").append(alg).append('=').append(value));
        return text.toString();
    }

    /** Purl (or name, group and version without one) plus the sorted hashes: equal components are one row. */
    static String identity(Component c) {
        String purl = purlOf(c);
        String base = purl != null ? "purl:" + purl
                : "name:" + c.name() + "|" + (c.group() == null ? "" : c.group()) + "|" + (c.version() == null ? "" : c.version())
                + "|" + (c.cpe() == null ? "" : c.cpe());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(base.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(hashes(c).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Distinct component ids of a release. */
    List<Long> componentIdsOf(long releaseId) {
        return jdbc.sql("SELECT component_id FROM sbom_release_component WHERE release_id = ?").param(releaseId)
                .query(Long.class).list();
    }

    static Collection<Long> none() {
        return List.of();
    }
}
