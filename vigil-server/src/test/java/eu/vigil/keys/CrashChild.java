package eu.vigil.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import eu.vigil.VigilApplication;
import eu.vigil.backup.Backups;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Vigil in a child process that {@code CrashSafetyIT} kills with SIGKILL in the middle of
 * work: {@code DATA seed FILE N | rotate | rotate-master NEW_PASSPHRASE_FILE | upload BYTES | backup FILE | check FILE}.
 * Prints {@code READY} once started, {@code OK ...} when done.
 */
public final class CrashChild {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        try (ConfigurableApplicationContext vigil = new SpringApplicationBuilder(VigilApplication.class)
                .web(WebApplicationType.NONE)
                .run("--vigil.data=" + data, "--vigil.tls.enabled=false", "--vigil.jobs.enabled=false",
                        "--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
            System.out.println("READY");
            System.out.flush();
            Encryption encryption = vigil.getBean(Encryption.class);
            BlobStore blobs = vigil.getBean(BlobStore.class);
            switch (args[1]) {
                case "seed" -> {
                    int n = Integer.parseInt(args[3]);
                    List<String> lines = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        lines.add("field\to" + i + "\t" + encryption.encrypt("test.crash", "o" + i, "value " + i));
                    }
                    for (int i = 0; i < 3; i++) {
                        byte[] content = ("blob " + i).repeat(10_000).getBytes(StandardCharsets.UTF_8);
                        lines.add("blob\t" + blobs.put("test", new java.io.ByteArrayInputStream(content)).id());
                    }
                    Files.write(Path.of(args[2]), lines);
                    System.out.println("OK seeded " + n);
                }
                case "rotate" -> System.out.println("OK " + vigil.getBean(KeyRotation.class).rotate());
                case "rotate-master" -> System.out.println("OK " + vigil.getBean(MasterKeyRotation.class)
                        .rotate(Files.readString(Path.of(args[2])).strip().toCharArray()));
                case "upload" -> {
                    long size = Long.parseLong(args[2]);
                    System.out.println("OK " + blobs.put("test", new RandomStream(size)).id());
                }
                case "backup" -> System.out.println("OK " + vigil.getBean(Backups.class).create(Path.of(args[2])));
                case "check" -> {
                    int fields = 0;
                    int files = 0;
                    for (String line : Files.readAllLines(Path.of(args[2]))) {
                        String[] parts = line.split("\t");
                        if (parts[0].equals("field")) {
                            String expected = "value " + parts[1].substring(1);
                            if (!encryption.decrypt("test.crash", parts[1], parts[2]).equals(expected)) {
                                throw new IllegalStateException("wrong value for " + parts[1]);
                            }
                            fields++;
                        } else {
                            blobs.verify(parts[1]);
                            files++;
                        }
                    }
                    KeyRotation.KeyStatus status = vigil.getBean(KeyRotation.class).status();
                    System.out.println("OK checked " + fields + " fields " + files + " blobs; behind " + status.behind()
                            + " keks " + status.kekVersions() + " sweep "
                            + ((eu.vigil.keys.internal.FolderBlobStore) blobs).sweep(java.time.Duration.ZERO)
                            + " blobrows " + vigil.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                            .sql("SELECT COUNT(*) FROM keys_blob").query(Long.class).single());
                }
                default -> throw new IllegalArgumentException(args[1]);
            }
        }
    }

    /** Random bytes, slowly enough to be killed in the middle. */
    static final class RandomStream extends InputStream {
        private final Random random = new Random(7);
        private long left;

        RandomStream(long size) {
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            return left-- > 0 ? random.nextInt(256) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            byte[] chunk = new byte[n];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, b, off, n);
            left -= n;
            return n;
        }
    }
}
