package eu.vigil.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 during rotation (of a KEK and of the master key), upload and backup, in a real child process: afterwards every
 * committed object is readable and nothing half-written is visible. And a wrong passphrase
 * refuses to start and leaves the database untouched.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashSafetyIT {

    @TempDir
    static Path work;
    static Path data;
    static Path seeded;

    record Result(int exit, List<String> out, String err) {
        String last() {
            return out.isEmpty() ? "" : out.get(out.size() - 1);
        }
    }

    static Process start(Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), data.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.redirectError(work.resolve("child-" + System.nanoTime() + ".err").toFile());
        return builder.start();
    }

    static Result run(Map<String, String> environment, String... args) throws Exception {
        Process process = start(environment, args);
        List<String> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            for (String line; (line = reader.readLine()) != null; ) {
                out.add(line);
            }
        }
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), out, "");
    }

    /**
     * Kills the work with SIGKILL while it runs: starts at the given delay and, when the child
     * finished before the kill (a fast machine), tries again with half the delay, so the kill
     * lands mid-work however fast the machine is.
     */
    static void killMidWork(long millis, Runnable undoFinishedWork, String... args) throws Exception {
        killMidWork(millis, () -> false, undoFinishedWork, args);
    }

    /** As above; {@code finished} tells a kill that landed after the work's last step (its result complete). */
    static void killMidWork(long millis, java.util.function.BooleanSupplier finished, Runnable undoFinishedWork,
                            String... args) throws Exception {
        for (long delay = millis; ; delay /= 2) {
            if (killDuring(delay, args) && !finished.getAsBoolean()) {
                return;
            }
            undoFinishedWork.run();
            assertThat(delay).as("the work always finished before the kill").isPositive();
        }
    }

    /** Starts the child, waits until it is ready, lets it work for a moment and kills it; true when the kill landed mid-work. */
    static boolean killDuring(long millis, String... args) throws Exception {
        Process process = start(Map.of(), args);
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream()));
        String line;
        while ((line = reader.readLine()) != null && !line.equals("READY")) {
            // wait for the context
        }
        assertThat(line).as("child started").isEqualTo("READY");
        TimeUnit.MILLISECONDS.sleep(millis);
        process.destroyForcibly(); // SIGKILL on Linux
        process.waitFor(30, TimeUnit.SECONDS);
        assertThat(process.exitValue()).as("killed (137) or finished (0)").isIn(0, 137);
        return process.exitValue() == 137;
    }

    /** As {@link #killDuring(long, String...)}, with environment variables for the child. */
    static boolean killDuring(Map<String, String> environment, long millis, String... args) throws Exception {
        Process process = start(environment, args);
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream()));
        String line;
        while ((line = reader.readLine()) != null && !line.equals("READY")) {
            // wait for the context
        }
        assertThat(line).as("child started").isEqualTo("READY");
        TimeUnit.MILLISECONDS.sleep(millis);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        assertThat(process.exitValue()).as("killed (137) or finished (0)").isIn(0, 137);
        return process.exitValue() == 137;
    }

    static Result check() throws Exception {
        Result result = run(Map.of(), "check", seeded.toString());
        assertThat(result.exit()).as(String.join("\n", result.out())).isZero();
        assertThat(result.last()).startsWith("OK checked 2000 fields 3 blobs");
        return result;
    }

    @BeforeAll
    static void seed() throws Exception {
        data = work.resolve("data");
        seeded = work.resolve("seeded.tsv");
        Result result = run(Map.of(), "seed", seeded.toString(), "2000");
        assertThat(result.exit()).isZero();
        assertThat(result.last()).startsWith("OK seeded");
    }

    @Test
    @Order(1)
    void everyObjectStaysReadableWhenRotationIsKilled() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 2; round++) {
            killMidWork(50 + random.nextInt(800), () -> { }, "rotate");
            check();
        }
        Result finished = run(Map.of(), "rotate");
        assertThat(finished.exit()).isZero();
        assertThat(check().last()).contains("behind 0").containsPattern("keks \\[\\d+\\]");
    }

    @Test
    @Order(2)
    void aKilledUploadLeavesNoVisibleBlob() throws Exception {
        killMidWork(1500, () -> { }, "upload", Long.toString(2L << 30));
        Result after = check();
        // only the seeded blobs are recorded; the unfinished file is swept
        assertThat(after.last()).contains("blobrows 3").doesNotContain("sweep 0");
        try (var files = Files.list(data.resolve("blobs/.incoming"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    @Order(3)
    void aKilledBackupLeavesNoArchive() throws Exception {
        Path archive = work.resolve("backups/vigil.vbk");
        // An archive that exists after the kill was complete (moved into place as the last step):
        // that round did not kill mid-work, so it is removed and the kill comes sooner.
        killMidWork(300, () -> Files.exists(archive), () -> {
            try {
                Files.deleteIfExists(archive);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "backup", archive.toString());
        assertThat(archive).doesNotExist();
        check();
        Result complete = run(Map.of(), "backup", archive.toString());
        assertThat(complete.exit()).isZero();
        assertThat(archive).exists();
    }

    @Test
    @Order(4)
    void aWrongPassphraseRefusesToStartAndChangesNothing() throws Exception {
        Path database = data.resolve("db/vigil.mv.db");
        String before = sha256(database);
        Process process = start(Map.of("VIGIL_MASTER_PASSPHRASE", "not the passphrase"), "check", seeded.toString());
        String stdout = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        String stderr;
        try (var errors = Files.list(work)) {
            Path newest = errors.filter(p -> p.getFileName().toString().endsWith(".err"))
                    .max(java.util.Comparator.comparing(p -> p.getFileName().toString())).orElseThrow();
            stderr = Files.readString(newest) + stdout;
        }
        assertThat(stderr).contains("the master passphrase does not open").contains("has changed nothing");
        assertThat(sha256(database)).isEqualTo(before);
        check();
    }

    @Test
    @Order(5)
    void aKilledMasterKeyRotationLeavesTheOldOrTheNewMasterUsable() throws Exception {
        String current = Files.readString(data.resolve("keys/master.passphrase")).strip();
        Random random = new Random(11);
        int killedMidWay = 0;
        for (int round = 0; round < 3; round++) {
            String next = "rotated master passphrase " + round + " " + random.nextLong();
            Path nextFile = work.resolve("next-" + round + ".passphrase");
            Files.writeString(nextFile, next);
            boolean killed = killDuring(Map.of("VIGIL_MASTER_PASSPHRASE", current), 100 + random.nextInt(2500),
                    "rotate-master", nextFile.toString());
            Result withOld = run(Map.of("VIGIL_MASTER_PASSPHRASE", current), "check", seeded.toString());
            Result withNew = run(Map.of("VIGIL_MASTER_PASSPHRASE", next), "check", seeded.toString());
            boolean oldOpens = withOld.exit() == 0;
            boolean newOpens = withNew.exit() == 0;
            assertThat(oldOpens ^ newOpens).as("round %d (killed %s): exactly one of the old and the new master opens"
                    + " Vigil; old: %s / new: %s", round, killed, withOld.out(), withNew.out()).isTrue();
            assertThat(oldOpens ? withOld.last() : withNew.last()).startsWith("OK checked 2000 fields 3 blobs");
            if (killed && newOpens) {
                killedMidWay++;
            }
            if (newOpens) {
                current = next;
            }
        }
        // and one run to its end: the new passphrase opens it, the old one no longer does
        Path last = work.resolve("last.passphrase");
        Files.writeString(last, "the final master passphrase of this test");
        Result finished = run(Map.of("VIGIL_MASTER_PASSPHRASE", current), "rotate-master", last.toString());
        assertThat(finished.exit()).as(String.join("\n", finished.out())).isZero();
        assertThat(finished.last()).contains("keks=");
        assertThat(run(Map.of("VIGIL_MASTER_PASSPHRASE", "the final master passphrase of this test"), "check",
                seeded.toString()).last()).startsWith("OK checked 2000 fields 3 blobs");
        assertThat(run(Map.of("VIGIL_MASTER_PASSPHRASE", current), "check", seeded.toString()).exit()).isNotZero();
        assertThat(data.resolve("keys/master.p12.next")).doesNotExist();
        System.out.println("master-key rotation: " + killedMidWay + " of 3 kills came after the new key store was in place");
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
