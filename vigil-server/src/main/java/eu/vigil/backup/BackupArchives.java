package eu.vigil.backup;

import java.nio.file.Path;

import eu.vigil.backup.internal.ArchiveReader;
import eu.vigil.keys.ArchiveKeys;

/**
 * Archives without a running Vigil: check one, or restore it into an empty data folder and
 * database, with the master passphrase alone (the archive carries the passphrase-protected
 * master key store).
 */
public final class BackupArchives {

    private BackupArchives() {
    }

    public static ArchiveCheck verify(Path archive, char[] passphrase) {
        return ArchiveReader.check(archive, header -> ArchiveKeys.open(header.masterKeyStore(), passphrase,
                header.keyContext(), header.sealedKey()));
    }

    /**
     * @param databaseUrl a PostgreSQL URL, or {@code null} for the H2 file in {@code data}
     * @throws InvalidArchiveException when the archive does not check out, or the folder or database is not empty
     */
    public static RestoreReport restore(Path archive, char[] passphrase, Path data, String databaseUrl, String user,
                                        String password) {
        return ArchiveReader.restore(archive, header -> ArchiveKeys.open(header.masterKeyStore(), passphrase,
                header.keyContext(), header.sealedKey()), data, databaseUrl, user, password);
    }
}
