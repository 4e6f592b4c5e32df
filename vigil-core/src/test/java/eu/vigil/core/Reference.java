package eu.vigil.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared reference facts (NIS2, Implementing Regulation 2024/2690, CRA, ETSI EN 303 645):
 * the folder named by {@code VIGIL_REFERENCE}, or {@code shared/reference} beside the repository,
 * found the same way as {@link TestData}. Tests that need it are skipped, with a message that says
 * so, when it is absent.
 */
public final class Reference {

    private Reference() {
    }

    public static Optional<Path> root() {
        String configured = System.getenv("VIGIL_REFERENCE");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        }
        Path start = Path.of(System.getProperty("vigil.repo.root", ".")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("reference");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The named reference file; skips the calling test when it is absent. */
    public static Path require(String file) {
        Optional<Path> root = root();
        Assumptions.assumeTrue(root.isPresent(),
                "shared reference facts not found: set VIGIL_REFERENCE or place shared/reference beside the repository");
        Path path = root.get().resolve(file);
        Assumptions.assumeTrue(Files.isRegularFile(path), "reference file missing: " + path);
        return path;
    }
}
