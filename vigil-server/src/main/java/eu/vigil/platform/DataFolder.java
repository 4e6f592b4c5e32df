package eu.vigil.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.springframework.core.env.Environment;

/**
 * The one folder that holds everything Vigil stores on disk: the embedded database, the TLS
 * certificate, keys and blobs. {@code vigil.data} (from {@code --data} or {@code VIGIL_DATA}),
 * {@code ./data} by default.
 */
public record DataFolder(Path root) {

    public static final String PROPERTY = "vigil.data";

    public DataFolder {
        root = root.toAbsolutePath().normalize();
    }

    public static DataFolder from(Environment environment) {
        return new DataFolder(Path.of(environment.getProperty(PROPERTY, "data")));
    }

    /** A sub-folder, created on first use and readable by its owner only. */
    public Path folder(String name) {
        Path folder = root.resolve(name);
        try {
            Files.createDirectories(folder);
            restrictToOwner(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data folder " + folder, e);
        }
        return folder;
    }

    static void restrictToOwner(Path path) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Set<java.nio.file.attribute.PosixFilePermission> permissions = Files.isDirectory(path)
                    ? PosixFilePermissions.fromString("rwx------")
                    : PosixFilePermissions.fromString("rw-------");
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
