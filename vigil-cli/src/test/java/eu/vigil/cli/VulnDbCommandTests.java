package eu.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VulnDbCommandTests {

    @TempDir
    Path folder;

    private static String record(String id, String modified) {
        return """
                {"id": "%s", "modified": "%s", "aliases": ["CVE-2026-3%s"], "summary": "CLI test",
                 "affected": [{"package": {"ecosystem": "npm", "name": "cli-test"},
                   "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.0.1"}]}]}]}"""
                .formatted(id, modified, id.substring(id.length() - 4));
    }

    @Test
    void importsAZipOfflineIncrementallyAndNamesBadRecords() throws Exception {
        Path data = folder.resolve("data");
        Path password = Files.writeString(folder.resolve("pw"), "quiet-lantern-orbit-mosaic-17\n");
        CommandRun setUp = CommandRun.of("admin", "bootstrap", "--data", data.toString(), "--username", "admin",
                "--password-file", password.toString());
        assertThat(setUp.status()).as(setUp.out() + setUp.err()).isZero();

        Path zip = folder.resolve("npm-all.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String id : new String[] {"CLI-2026-0001", "CLI-2026-0002"}) {
                out.putNextEntry(new ZipEntry(id + ".json"));
                out.write(record(id, "2026-01-01T00:00:00Z").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("CLI-2026-0003.json"));
            out.write("{\"id\": \"CLI-2026-0003\", \"modified\": ".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }

        CommandRun first = CommandRun.of("vulndb", "import", "--data", data.toString(), "--source", "osv", zip.toString());
        assertThat(first.status()).as(first.out() + first.err()).isEqualTo(1);
        assertThat(first.out()).contains("\"state\":\"DONE\"", "\"added\":2", "\"failed\":1", "\"ref\":\"CLI-2026-0003\"");

        Path single = Files.writeString(folder.resolve("CLI-2026-0001.json"), record("CLI-2026-0001", "2026-01-01T00:00:00Z"));
        CommandRun again = CommandRun.of("vulndb", "import", "--data", data.toString(), "--source", "osv", "--format", "text",
                single.toString());
        assertThat(again.status()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("DONE, 1 read, 0 added, 0 updated, 1 unchanged, 0 bad");

        CommandRun usage = CommandRun.of("vulndb", "import", "--data", data.toString(), "--source", "spdx", zip.toString());
        assertThat(usage.status()).isEqualTo(2);
    }
}
