package eu.vigil.backup.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import eu.vigil.backup.ArchiveCheck;
import eu.vigil.backup.BackupReport;
import eu.vigil.backup.Backups;
import eu.vigil.core.crypto.ChunkedGcm;
import eu.vigil.keys.ArchiveKeys;
import eu.vigil.keys.SigningKeys;
import eu.vigil.platform.DataFolder;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Writes archives: the clear header, then one encrypted stream holding a ZIP of every table
 * (read in one repeatable-read transaction, so the tables agree with each other), every blob
 * file as stored (already encrypted under its own key) and the signed manifest last.
 */
@Component
class JdbcBackups implements Backups {

    private final DataSource dataSource;
    private final ArchiveKeys archiveKeys;
    private final SigningKeys signing;
    private final AuditTrail trail;
    private final Path blobs;
    private final Clock clock;
    private final Flyway flyway;

    JdbcBackups(DataSource dataSource, ArchiveKeys archiveKeys, SigningKeys signing, AuditTrail trail,
                Environment environment, ObjectProvider<Clock> clock, Flyway flyway) {
        this.dataSource = dataSource;
        this.archiveKeys = archiveKeys;
        this.signing = signing;
        this.trail = trail;
        this.blobs = DataFolder.from(environment).root().resolve("blobs");
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.flyway = flyway;
    }

    @Override
    public BackupReport create(Path out) {
        Path target = out.toAbsolutePath().normalize();
        String archiveId = UUID.randomUUID().toString();
        Instant now = Instant.now(clock);
        String schemaVersion = flyway.info().current().getVersion().getVersion();
        Path temporary = null;
        try {
            Files.createDirectories(target.getParent());
            temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
            BackupReport report;
            try (Connection connection = dataSource.getConnection()) {
                String database = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
                ArchiveKeys.ArchiveKey key = archiveKeys.newArchiveKey(ArchiveHeader.keyContext(archiveId));
                ArchiveHeader header = ArchiveHeader.of(archiveId, now, database, schemaVersion, key.masterAlias(),
                        key.sealed(), key.masterKeyStore());
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    OutputStream file = new BufferedOutputStream(Channels.newOutputStream(channel), 256 * 1024);
                    header.write(file);
                    List<ArchiveManifest.Entry> entries = new ArrayList<>();
                    List<ArchiveManifest.Table> tables = new ArrayList<>();
                    int blobCount;
                    OutputStream encrypted = ChunkedGcm.encrypting(new NonClosing(file), key.key(), header.associatedData());
                    try (ZipOutputStream zip = new ZipOutputStream(encrypted)) {
                        zip.setLevel(1);
                        connection.setReadOnly(true);
                        connection.setAutoCommit(false);
                        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                        List<String> names = DatabaseExport.tables(connection);
                        for (int i = 0; i < names.size(); i++) {
                            String entry = "db/%03d-%s.jsonl".formatted(i, names.get(i));
                            MessageDigest sha256 = sha256();
                            zip.putNextEntry(new ZipEntry(entry));
                            CountingStream counting = new CountingStream(new DigestOutputStream(new NonClosing(zip), sha256));
                            long rows = DatabaseExport.export(connection, names.get(i), counting);
                            counting.flush();
                            zip.closeEntry();
                            entries.add(new ArchiveManifest.Entry(entry, counting.count, ArchiveManifest.hex(sha256.digest())));
                            tables.add(new ArchiveManifest.Table(names.get(i), entry, rows));
                        }
                        connection.commit();
                        blobCount = addBlobs(zip, entries);
                        var unsigned = ArchiveManifest.unsigned(archiveId, schemaVersion, database, entries, tables);
                        SigningKeys.Signed signed = signing.sign(ArchiveManifest.SIGNING_PURPOSE, SigningKeys.Algorithm.ED25519,
                                ArchiveManifest.signedBytes(unsigned));
                        zip.putNextEntry(new ZipEntry(ArchiveManifest.ENTRY));
                        zip.write(ArchiveManifest.withSignature(unsigned, signed.keyId(), signed.algorithm().name(),
                                signing.publicKeyPem(signed.keyId()), signed.signature()));
                        zip.closeEntry();
                        zip.finish();
                        encrypted.close();
                        file.flush();
                        channel.force(true);
                        long rows = tables.stream().mapToLong(ArchiveManifest.Table::rows).sum();
                        report = new BackupReport(target, channel.size(), archiveId, now, schemaVersion, tables.size(), rows,
                                blobCount, signed.keyId());
                    }
                }
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncFolder(target.getParent());
            trail.record(AuditEvent.of("backup.create").object("backup", archiveId).actor("system")
                    .detail("file", target.getFileName()).detail("bytes", report.bytes()).detail("rows", report.rows())
                    .detail("blobs", report.blobs()));
            return report;
        } catch (IOException | SQLException e) {
            deleteQuietly(temporary);
            String full = isDiskFull(e) ? "the disk is full: " : "";
            throw new UncheckedIOException(new IOException("backup to " + target + " failed, nothing was written: " + full
                    + e.getMessage(), e));
        } catch (RuntimeException e) {
            deleteQuietly(temporary);
            throw e;
        }
    }

    private int addBlobs(ZipOutputStream zip, List<ArchiveManifest.Entry> entries) throws IOException {
        if (!Files.isDirectory(blobs)) {
            return 0;
        }
        int count = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(blobs, 2)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getParent().getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().endsWith(".part"))
                    .sorted().toList();
        }
        byte[] buffer = new byte[256 * 1024];
        for (Path file : files) {
            String name = "blobs/" + blobs.relativize(file).toString().replace('\\', '/');
            MessageDigest sha256 = sha256();
            long size = 0;
            zip.putNextEntry(new ZipEntry(name));
            try (var in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    zip.write(buffer, 0, n);
                    sha256.update(buffer, 0, n);
                    size += n;
                }
            } catch (java.nio.file.NoSuchFileException deletedMeanwhile) {
                // a blob deleted while we ran: its row is gone from the snapshot's future, keep the empty entry honest
            }
            zip.closeEntry();
            entries.add(new ArchiveManifest.Entry(name, size, ArchiveManifest.hex(sha256.digest())));
            count++;
        }
        return count;
    }

    @Override
    public ArchiveCheck verify(Path archive) {
        return ArchiveReader.check(archive, header -> archiveKeys.open(header.keyContext(), header.sealedKey()));
    }

    static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // best effort; a leftover .partial file is never taken for an archive
            }
        }
    }

    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // not every file system syncs directories
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

}
