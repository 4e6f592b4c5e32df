package eu.vigil.backup.internal;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.crypto.SecretKey;

import com.fasterxml.jackson.databind.JsonNode;
import eu.vigil.backup.ArchiveCheck;
import eu.vigil.backup.InvalidArchiveException;
import eu.vigil.backup.RestoreReport;
import eu.vigil.core.crypto.ChunkedGcm;
import eu.vigil.core.crypto.TamperedCiphertextException;
import org.flywaydb.core.Flyway;

/** Reads archives: checks them end to end, and restores them into an empty data folder and database. */
public final class ArchiveReader {

    private ArchiveReader() {
    }

    /** Opens the archive's key: with this installation's master key, or offline with the archive's key store. */
    public interface KeyOpener {
        SecretKey open(ArchiveHeaderView header);
    }

    /** What a key opener may see of the header. */
    public record ArchiveHeaderView(String archiveId, byte[] keyContext, byte[] sealedKey, byte[] masterKeyStore) {
    }

    private interface EntryHandler {
        void handle(String name, InputStream content) throws IOException, SQLException;
    }

    public static ArchiveCheck check(Path archive, KeyOpener keys) {
        try {
            return read(archive, keys, null);
        } catch (InvalidArchiveException e) {
            return new ArchiveCheck(false, e.getMessage(), null, null, null, null, 0, 0, 0, null, null);
        }
    }

    private static ArchiveCheck read(Path archive, KeyOpener keys, EntryHandler handler) {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), 256 * 1024)) {
            ArchiveHeader header = ArchiveHeader.read(file);
            SecretKey key = keys.open(new ArchiveHeaderView(header.archiveId(), header.keyContext(), header.sealedKey(),
                    header.masterKeyStore()));
            InputStream plain = ChunkedGcm.decrypting(file, key, header.associatedData());
            Map<String, ArchiveManifest.Entry> seen = new HashMap<>();
            JsonNode manifest = null;
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (ZipInputStream zip = new ZipInputStream(plain)) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    String name = entry.getName();
                    if (manifest != null) {
                        throw new InvalidArchiveException("archive has entries after its manifest: " + name);
                    }
                    if (name.equals(ArchiveManifest.ENTRY)) {
                        manifest = ArchiveManifest.parse(zip.readAllBytes());
                        continue;
                    }
                    if (seen.containsKey(name)) {
                        throw new InvalidArchiveException("archive holds " + name + " twice");
                    }
                    sha256.reset();
                    CountingDigestStream content = new CountingDigestStream(zip, sha256);
                    if (handler != null) {
                        handler.handle(name, content);
                    }
                    content.transferTo(java.io.OutputStream.nullOutputStream());
                    seen.put(name, new ArchiveManifest.Entry(name, content.count, ArchiveManifest.hex(sha256.digest())));
                }
                // The zip reader stops at the central directory; decrypting the rest authenticates
                // every remaining chunk, so damage near the end of the file is found too.
                plain.transferTo(java.io.OutputStream.nullOutputStream());
            }
            if (manifest == null) {
                throw new InvalidArchiveException("archive has no manifest: it is incomplete");
            }
            String signatureProblem = ArchiveManifest.checkSignature(manifest);
            if (signatureProblem != null) {
                throw new InvalidArchiveException(signatureProblem);
            }
            if (!header.archiveId().equals(manifest.path("archiveId").asText())) {
                throw new InvalidArchiveException("the manifest belongs to another archive");
            }
            Map<String, ArchiveManifest.Entry> listed = ArchiveManifest.entries(manifest);
            for (ArchiveManifest.Entry expected : listed.values()) {
                ArchiveManifest.Entry actual = seen.get(expected.name());
                if (actual == null) {
                    throw new InvalidArchiveException("entry " + expected.name() + " of the manifest is missing");
                }
                if (!actual.equals(expected)) {
                    throw new InvalidArchiveException("entry " + expected.name() + " does not match its SHA-256 in the manifest");
                }
            }
            for (String name : seen.keySet()) {
                if (!listed.containsKey(name)) {
                    throw new InvalidArchiveException("entry " + name + " is not in the manifest");
                }
            }
            long rows = 0;
            for (JsonNode table : manifest.get("tables")) {
                rows += table.get("rows").asLong();
            }
            int blobs = (int) listed.keySet().stream().filter(n -> n.startsWith("blobs/")).count();
            JsonNode signature = manifest.get("signature");
            return new ArchiveCheck(true, null, header.archiveId(), header.createdAt(), header.schemaVersion(),
                    header.database(), manifest.get("tables").size(), rows, blobs, signature.get("keyId").asText(),
                    signature.get("publicKey").asText());
        } catch (TamperedCiphertextException e) {
            throw new InvalidArchiveException("the archive is damaged or was altered: " + e.getMessage(), e);
        } catch (java.util.zip.ZipException e) {
            throw new InvalidArchiveException("the archive's content is damaged: " + e.getMessage(), e);
        } catch (IOException e) {
            if (e.getCause() instanceof TamperedCiphertextException t) {
                throw new InvalidArchiveException("the archive is damaged or was altered: " + t.getMessage(), e);
            }
            throw new InvalidArchiveException("cannot read the archive " + archive + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("restoring the database failed: " + e.getMessage(), e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Restores into {@code data} (absent or empty) and the database at {@code url} (empty; the
     * H2 file in {@code data} when {@code url} is {@code null}). Checks the whole archive first
     * and changes nothing when it does not check out. Everything is written into a temporary
     * sibling folder, checked against the archive's manifest counts, and renamed into place only
     * when complete: a restore that fails half-way (a damaged entry found on the second pass, a full
     * disk, a database error) leaves {@code data} as it was and removes its temporary folder.
     */
    public static RestoreReport restore(Path archive, KeyOpener keys, Path data, String url, String user, String password) {
        ArchiveCheck check = read(archive, keys, null);
        Path root = data.toAbsolutePath().normalize();
        boolean external = url != null && !url.isBlank();
        Path staging = null;
        boolean complete = false;
        try {
            if (Files.exists(root)) {
                try (var files = Files.list(root)) {
                    if (files.findAny().isPresent()) {
                        throw new InvalidArchiveException("restore needs an empty data folder; " + root + " is not empty");
                    }
                }
            }
            String targetUser = external ? user : "vigil";
            String targetPassword = external ? password : "";
            if (external) {
                try (Connection connection = DriverManager.getConnection(url, targetUser, targetPassword)) {
                    if (!DatabaseExport.tables(connection).isEmpty()) {
                        throw new InvalidArchiveException("restore needs an empty database; " + url + " has tables");
                    }
                }
            }
            Files.createDirectories(root.getParent());
            staging = Files.createTempDirectory(root.getParent(), "." + root.getFileName() + ".restoring-");
            restrict(staging);
            String target = external ? url : h2Url(staging);
            Path keysFolder = staging.resolve("keys");
            Files.createDirectories(keysFolder);
            restrict(keysFolder);
            Flyway.configure().dataSource(target, targetUser, targetPassword).locations("classpath:db/migration")
                    .target(check.schemaVersion()).load().migrate();
            long[] rows = {0};
            int[] tables = {0};
            int[] blobs = {0};
            byte[][] masterStore = {null};
            Path stagedRoot = staging;
            try (Connection connection = DriverManager.getConnection(target, targetUser, targetPassword)) {
                connection.setAutoCommit(false);
                // rows that migrations seed (chain head, cursors) come from the archive instead
                List<String> seeded = DatabaseExport.tables(connection);
                try (java.sql.Statement statement = connection.createStatement()) {
                    for (int i = seeded.size() - 1; i >= 0; i--) {
                        statement.executeUpdate("DELETE FROM " + seeded.get(i));
                    }
                }
                // the second pass checks every entry's digest again while it is restored
                read(archive, header -> {
                    masterStore[0] = header.masterKeyStore();
                    return keys.open(header);
                }, (name, content) -> {
                    if (name.startsWith("db/")) {
                        rows[0] += DatabaseImport.load(connection, content);
                        tables[0]++;
                    } else if (name.startsWith("blobs/")) {
                        writeBlob(stagedRoot, name, content);
                        blobs[0]++;
                    }
                });
                if (rows[0] != check.rows() || blobs[0] != check.blobs()) {
                    throw new InvalidArchiveException("restore read " + rows[0] + " rows and " + blobs[0]
                            + " files; the archive's manifest lists " + check.rows() + " and " + check.blobs()
                            + " (the archive changed while it was restored)");
                }
                // keys_kek rows restored: the new installation must not make its own first KEK
                DatabaseImport.resetIdentities(connection);
                connection.commit();
            }
            if (masterStore[0] != null && masterStore[0].length > 0) {
                Path p12 = keysFolder.resolve("master.p12");
                Files.write(p12, masterStore[0], StandardOpenOption.CREATE_NEW, StandardOpenOption.SYNC);
                restrict(p12);
            }
            if (!external) {
                // H2 closes the file with the last connection; this one makes sure it is closed before the move
                try (Connection connection = DriverManager.getConnection(target, targetUser, targetPassword);
                     java.sql.Statement statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN");
                }
            }
            syncTree(staging);
            if (Files.exists(root)) {
                Files.delete(root); // empty, checked above
            }
            Files.move(staging, root, StandardCopyOption.ATOMIC_MOVE);
            syncFolder(root.getParent());
            complete = true;
            return new RestoreReport(root, external ? url : h2Url(root), check.schemaVersion(), tables[0], rows[0],
                    blobs[0]);
        } catch (IOException e) {
            throw new InvalidArchiveException("restore failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("restore failed in the database: " + e.getMessage(), e);
        } finally {
            if (!complete && staging != null) {
                deleteTree(staging);
            }
        }
    }

    static String h2Url(Path root) {
        return eu.vigil.platform.VigilEnvironment.h2Url(root.resolve("db/vigil"));
    }

    private static void syncTree(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(path)) {
                    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
                        channel.force(true);
                    }
                } else {
                    syncFolder(path);
                }
            }
        }
    }

    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the rename itself is still atomic
        }
    }

    private static void deleteTree(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // best effort: a leftover temporary folder is named as such and never used
                }
            });
        } catch (IOException e) {
            // as above
        }
    }

    private static void writeBlob(Path root, String name, InputStream content) throws IOException {
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root.resolve("blobs")) || name.contains("..")) {
            throw new InvalidArchiveException("archive entry " + name + " points outside the blob folder");
        }
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling(target.getFileName() + ".part");
        Files.copy(content, temporary, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void restrict(Path path) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString(
                    Files.isDirectory(path) ? "rwx------" : "rw-------"));
        }
    }

    /** Counts and digests what is read through it, and never closes the zip stream. */
    private static final class CountingDigestStream extends FilterInputStream {
        private final MessageDigest digest;
        long count;

        CountingDigestStream(InputStream in, MessageDigest digest) {
            super(in);
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                digest.update((byte) b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
                count += n;
            }
            return n;
        }

        @Override
        public void close() {
            // the zip stream stays open for the next entry
        }

    }


}
