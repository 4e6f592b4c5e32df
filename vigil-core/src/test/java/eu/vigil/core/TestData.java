package eu.vigil.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared third-party test material: the folder named by {@code VIGIL_TESTDATA}, or
 * {@code shared/testdata} beside the repository. Tests that need it are skipped, with a message
 * that says so, on a fresh clone that lacks it; CI always has it.
 */
public final class TestData {

    private TestData() {
    }

    public static Optional<Path> root() {
        String configured = System.getenv("VIGIL_TESTDATA");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        }
        Path start = Path.of(System.getProperty("vigil.repo.root", ".")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("testdata");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The named sub-folder of the test material; skips the calling test when it is absent. */
    public static Path require(String folder) {
        Optional<Path> root = root();
        Assumptions.assumeTrue(root.isPresent(),
                "shared test material not found: set VIGIL_TESTDATA or place shared/testdata beside the repository");
        Path path = root.get().resolve(folder);
        Assumptions.assumeTrue(Files.exists(path), "test material missing: " + path);
        return path;
    }
}
