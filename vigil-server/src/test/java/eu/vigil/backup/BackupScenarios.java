package eu.vigil.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import eu.vigil.VigilApplication;
import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditIntegrity;
import eu.vigil.audit.AuditTrail;
import eu.vigil.audit.ChainVerification;
import eu.vigil.backup.internal.RetentionSchedule;
import eu.vigil.keys.BlobStore;
import eu.vigil.keys.Encryption;
import eu.vigil.keys.MasterKeyUnavailableException;
import eu.vigil.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Backups on any database: run by {@code BackupOnH2IT} and {@code BackupOnPostgresIT}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "vigil.tls.enabled=false")
abstract class BackupScenarios {

    static Path folder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Autowired
    Backups backups;
    @Autowired
    Encryption encryption;
    @Autowired
    BlobStore blobs;
    @Autowired
    AuditTrail trail;
    @Autowired
    AuditIntegrity integrity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RetentionSchedule retention;

    abstract Path data();

    /** Where a restore goes: {@code null} for the H2 file of the new data folder, or a database. */
    abstract TestDatabase restoreTarget();

    private char[] passphrase() throws IOException {
        return Files.readString(data().resolve("keys/master.passphrase")).strip().toCharArray();
    }

    @Test
    void restoredInstallationHasTheSameDataAndPassesAuditVerification() throws Exception {
        String secret = encryption.encrypt("identity.totp-secret", "user-9", "JBSWY3DPEHPK3PXP");
        BlobStore.StoredBlob blob = blobs.put("evidence", new ByteArrayInputStream("signed policy".getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < 50; i++) {
            trail.record(AuditEvent.of("test.backup").object("doc", i).actor("erin"));
        }
        integrity.chainPending();
        integrity.checkpoint();
        long entries = integrity.verify().entries();

        Path archive = folder("vigil-backups-").resolve("vigil.vbk");
        BackupReport report = backups.create(archive);
        assertThat(archive).exists();
        assertThat(report.blobs()).isGreaterThanOrEqualTo(1);
        assertThat(report.tables()).isGreaterThan(5);
        ArchiveCheck check = backups.verify(archive);
        assertThat(check.valid()).as(check.problem()).isTrue();
        assertThat(BackupArchives.verify(archive, passphrase()).valid()).isTrue();
        assertThatThrownBy(() -> BackupArchives.verify(archive, "wrong".toCharArray()))
                .isInstanceOf(MasterKeyUnavailableException.class);

        Path restored = folder("vigil-restored-");
        Files.delete(restored); // restore makes it
        TestDatabase target = restoreTarget();
        RestoreReport restore = BackupArchives.restore(archive, passphrase(), restored,
                target == null ? null : target.url(), target == null ? null : target.user(),
                target == null ? null : target.password());
        assertThat(restore.blobs()).isEqualTo(report.blobs());
        assertThat(restore.rows()).isEqualTo(report.rows());

        // a restore never goes into a folder or database that holds something
        assertThatThrownBy(() -> BackupArchives.restore(archive, passphrase(), restored, null, null, null))
                .isInstanceOf(InvalidArchiveException.class).hasMessageContaining("empty");

        try (ConfigurableApplicationContext copy = start(restored, target)) {
            ChainVerification verification = copy.getBean(AuditIntegrity.class).verify();
            assertThat(verification.intact()).as(verification.problem()).isTrue();
            assertThat(verification.entries()).isGreaterThanOrEqualTo(entries);
            assertThat(verification.checkpoints()).isGreaterThanOrEqualTo(1);
            assertThat(copy.getBean(Encryption.class).decrypt("identity.totp-secret", "user-9", secret))
                    .isEqualTo("JBSWY3DPEHPK3PXP");
            try (InputStream in = copy.getBean(BlobStore.class).open(blob.id())) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("signed policy");
            }
            // identities continue after the restored rows
            copy.getBean(AuditTrail.class).record(AuditEvent.of("test.after-restore"));
            copy.getBean(AuditIntegrity.class).chainPending();
            assertThat(copy.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'test.after-restore'")
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(copy.getBean(AuditIntegrity.class).verify().intact()).isTrue();
        }
    }

    private ConfigurableApplicationContext start(Path restored, TestDatabase target) throws IOException {
        String url = target == null
                ? "jdbc:h2:file:" + restored.resolve("db/vigil") + ";MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE" : target.url();
        return new SpringApplicationBuilder(VigilApplication.class).web(WebApplicationType.NONE).run(
                "--vigil.data=" + restored, "--vigil.tls.enabled=false", "--vigil.jobs.enabled=false",
                "--vigil.keys.passphrase-file=" + data().resolve("keys/master.passphrase"),
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + (target == null ? "vigil" : target.user()),
                "--spring.datasource.password=" + (target == null ? "" : target.password()));
    }

    @Test
    void aDamagedOrTruncatedArchiveIsReportedAndNotRestored() throws IOException {
        Path archive = folder("vigil-backups-").resolve("damaged.vbk");
        backups.create(archive);
        long size = Files.size(archive);
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            file.seek(size / 2);
            int b = file.read();
            file.seek(size / 2);
            file.write(b ^ 0x01);
        }
        ArchiveCheck damaged = backups.verify(archive);
        assertThat(damaged.valid()).isFalse();
        assertThat(damaged.problem()).contains("damaged or was altered");
        Path restored = folder("vigil-restored-");
        assertThatThrownBy(() -> BackupArchives.restore(archive, passphrase(), restored, null, null, null))
                .isInstanceOf(InvalidArchiveException.class);
        try (var files = Files.list(restored)) {
            assertThat(files).as("nothing written").isEmpty();
        }

        Path absent = folder("vigil-restore-parent-").resolve("data");
        assertThatThrownBy(() -> BackupArchives.restore(archive, passphrase(), absent, null, null, null))
                .isInstanceOf(InvalidArchiveException.class);
        assertThat(absent).as("a refused restore makes no folder").doesNotExist();
        try (var files = Files.list(absent.getParent())) {
            assertThat(files).as("and leaves no temporary folder").isEmpty();
        }

        backups.create(archive);
        size = Files.size(archive);
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            file.seek(size - 100); // in the zip's central directory, after the manifest
            int b = file.read();
            file.seek(size - 100);
            file.write(b ^ 0x01);
        }
        assertThat(backups.verify(archive).valid()).as("damage near the end is found too").isFalse();

        Path truncated = archive.resolveSibling("truncated.vbk");
        backups.create(archive);
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(archive), (int) Files.size(archive) - 40));
        assertThat(backups.verify(truncated).valid()).isFalse();
        Files.writeString(truncated, "not a backup");
        assertThat(backups.verify(truncated).problem()).contains("not a Vigil backup");
    }

    /**
     * The archive checks out on the first pass and is damaged before the second (the restore
     * pass): the restore fails after it wrote part of the data, and the target stays as it was.
     */
    @Test
    void aRestoreThatFailsHalfWayLeavesTheTargetFolderEmpty() throws Exception {
        // incompressible, so that the archive is much larger than the reader's buffer
        byte[] random = new byte[2 << 20];
        new java.util.Random(3).nextBytes(random);
        BlobStore.StoredBlob blob = blobs.put("evidence", new ByteArrayInputStream(random));
        assertThat(blob.size()).isPositive();
        Path archive = folder("vigil-backups-").resolve("vigil.vbk");
        backups.create(archive);
        char[] passphrase = passphrase();
        int[] opened = {0};
        Path parent = folder("vigil-restore-halfway-");
        Path restored = parent.resolve("data");
        Files.createDirectories(restored);
        long size = Files.size(archive);
        assertThatThrownBy(() -> eu.vigil.backup.internal.ArchiveReader.restore(archive, header -> {
            if (opened[0]++ == 1) {
                // the second pass begins: damage the middle of the archive it is about to read
                try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
                    file.seek(size * 3 / 4);
                    int b = file.read();
                    file.seek(size * 3 / 4);
                    file.write(b ^ 0x01);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return eu.vigil.keys.ArchiveKeys.open(header.masterKeyStore(), passphrase, header.keyContext(),
                    header.sealedKey());
        }, restored, null, null, null)).isInstanceOf(InvalidArchiveException.class);
        assertThat(opened[0]).as("failed in the second pass").isEqualTo(2);
        try (var files = Files.list(restored)) {
            assertThat(files).as("nothing written into the target").isEmpty();
        }
        try (var files = Files.list(parent)) {
            assertThat(files).as("no temporary folder left beside it").containsExactly(restored);
        }
    }

    @Test
    void retentionDeletesOldArchivesAndAuditsIt() throws IOException {
        Path folder = data().resolve("backups");
        Files.createDirectories(folder);
        Path old = Files.writeString(folder.resolve("vigil-20200101-000000.vbk"), "old");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2020-01-01T00:00:00Z")));
        Path fresh = Files.writeString(folder.resolve("vigil-fresh.vbk"), "fresh");
        assertThat(retention.apply()).isGreaterThanOrEqualTo(1);
        assertThat(old).doesNotExist();
        assertThat(fresh).exists();
        integrity.chainPending();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'retention.delete' AND object_id = 'backups'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);
    }
}
