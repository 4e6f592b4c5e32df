package eu.vigil.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * The shared third-party test material for server tests: the folder named by {@code VIGIL_TESTDATA},
 * or {@code shared/testdata} beside the repository; tests that need it are skipped without it.
 */
public final class SharedTestData {

    private SharedTestData() {
    }

    public static Optional<Path> root() {
        String configured = System.getenv("VIGIL_TESTDATA");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        }
        for (Path dir = Path.of(".").toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("testdata");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The named sub-folder; skips the calling test when it is absent. */
    public static Path require(String folder) {
        Optional<Path> root = root();
        Assumptions.assumeTrue(root.isPresent(),
                "shared test material not found: set VIGIL_TESTDATA or place shared/testdata beside the repository");
        Path path = root.get().resolve(folder);
        Assumptions.assumeTrue(Files.exists(path), "test material missing: " + path);
        return path;
    }
}
