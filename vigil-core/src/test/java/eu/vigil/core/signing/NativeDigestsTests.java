package eu.vigil.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java 22+ libcrypto digests (the multi-release class in {@code META-INF/versions/22}) give the
 * JDK's digest values for arrays, heap and direct buffers and memory-mapped files. Tests run on
 * class folders, where the multi-release version is not picked, so it is loaded here directly.
 */
class NativeDigestsTests {

    @TempDir
    Path work;

    @Test
    void libcryptoDigestsEqualTheJdks() throws Exception {
        Path versioned = Path.of("target/classes/META-INF/versions/22");
        assumeTrue(Runtime.version().feature() >= 22 && Files.isDirectory(versioned), "no Java 22+ classes here");
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.startsWith("eu.vigil.core.signing.NativeDigests")) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    if (loaded == null) {
                        try {
                            byte[] bytes = Files.readAllBytes(versioned.resolve(name.replace('.', '/') + ".class"));
                            loaded = defineClass(name, bytes, 0, bytes.length);
                        } catch (java.io.IOException e) {
                            throw new ClassNotFoundException(name, e);
                        }
                    }
                    return loaded;
                }
            }
        };
        // surefire runs without --enable-native-access; allow it for this class explicitly
        String before = System.getProperty("vigil.digest");
        System.setProperty("vigil.digest", "native");
        Class<?> type;
        try {
            type = Class.forName("eu.vigil.core.signing.NativeDigests", true, loader);
        } finally {
            if (before == null) {
                System.clearProperty("vigil.digest");
            } else {
                System.setProperty("vigil.digest", before);
            }
        }
        Method create = type.getDeclaredMethod("create", String.class);
        Method source = type.getDeclaredMethod("source");
        create.setAccessible(true);
        source.setAccessible(true);
        assumeTrue("libcrypto".equals(source.invoke(null)), "no libcrypto.so.3 on this machine");

        Random random = new Random(5);
        for (String algorithm : new String[] {"SHA-256", "SHA-512"}) {
            for (int size : new int[] {0, 1, 55, 64, 1000, 3 * 1024 * 1024 + 7}) {
                byte[] data = new byte[size];
                random.nextBytes(data);
                byte[] expected = MessageDigest.getInstance(algorithm).digest(data);
                MessageDigest digest = (MessageDigest) create.invoke(null, algorithm);
                assertThat(digest.digest(data)).as(algorithm + " of " + size + " bytes").isEqualTo(expected);
                // reused after digest(), fed in pieces and through buffers
                digest.update(data, 0, size / 2);
                digest.update(ByteBuffer.wrap(data, size / 2, size - size / 2));
                assertThat(digest.digest()).isEqualTo(expected);
                ByteBuffer direct = ByteBuffer.allocateDirect(size).put(data).flip();
                digest.update(direct);
                assertThat(direct.hasRemaining()).isFalse();
                assertThat(digest.digest()).isEqualTo(expected);
                // a file through memory-mapped windows that cut it at odd places
                Path file = Files.write(work.resolve(algorithm + "-" + size), data);
                Message.of(file, 4096 + 3).feed(digest);
                assertThat(digest.digest()).isEqualTo(expected);
                digest.update(data);
                digest.reset();
                assertThat(digest.digest(data)).as("reset forgets what came before").isEqualTo(expected);
            }
        }
    }
}
