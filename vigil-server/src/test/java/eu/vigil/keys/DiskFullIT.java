package eu.vigil.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import eu.vigil.backup.Backups;
import eu.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A full disk, for real: small tmpfs file systems mounted over the blob folder and a backup
 * folder (needs root; skipped with a message otherwise). Storing fails with a clear error,
 * leaves nothing behind, and what was stored before stays readable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "vigil.tls.enabled=false")
class DiskFullIT {

    static final Path DATA = KeysScenarios.temporaryFolder();
    static Path backups;

    @Autowired
    BlobStore blobs;
    @Autowired
    Backups backupService;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, TestDatabase::h2);
        registry.add("vigil.data", DATA::toString);
    }

    @BeforeAll
    static void mountSmallFileSystems() throws Exception {
        Path blobFolder = Files.createDirectories(DATA.resolve("blobs"));
        backups = Files.createTempDirectory("vigil-full-backups-");
        Assumptions.assumeTrue(mount(blobFolder, "2m") && mount(backups, "256k"),
                "cannot mount a tmpfs (needs root): disk-full tests skipped");
    }

    @AfterAll
    static void unmount() throws Exception {
        run("umount", "-l", DATA.resolve("blobs").toString());
        run("umount", "-l", backups.toString());
    }

    private static boolean mount(Path folder, String size) throws Exception {
        return run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs", folder.toString()) == 0;
    }

    private static int run(String... command) throws Exception {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    void aFullDiskRefusesTheFileClearlyAndLeavesNothingBehind() throws IOException {
        BlobStore.StoredBlob small = blobs.put("test", new ByteArrayInputStream(new byte[100_000]));
        long rows = jdbc.sql("SELECT COUNT(*) FROM keys_blob").query(Long.class).single();

        assertThatThrownBy(() -> blobs.put("test", new ByteArrayInputStream(new byte[4 * 1024 * 1024])))
                .isInstanceOf(StorageFullException.class)
                .hasMessageContaining("is full").hasMessageContaining("nothing was stored");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM keys_blob").query(Long.class).single()).isEqualTo(rows);
        try (var files = Files.list(DATA.resolve("blobs/.incoming"))) {
            assertThat(files).as("no partial file").isEmpty();
        }
        try (InputStream in = blobs.open(small.id())) {
            assertThat(in.readAllBytes()).hasSize(100_000);
        }
        // once there is room again, storing works
        assertThat(blobs.put("test", new ByteArrayInputStream(new byte[1000])).size()).isEqualTo(1000);
    }

    @Test
    void aBackupToAFullDiskFailsClearlyAndLeavesNoArchive() throws IOException {
        blobs.put("test", new ByteArrayInputStream(new byte[600_000]));
        Path archive = backups.resolve("vigil.vbk");
        assertThatThrownBy(() -> backupService.create(archive))
                .hasMessageContaining("the disk is full").hasMessageContaining("nothing was written");
        try (var files = Files.list(backups)) {
            assertThat(files).as("no archive and no partial file").isEmpty();
        }
    }
}
