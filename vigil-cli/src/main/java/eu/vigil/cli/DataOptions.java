package eu.vigil.cli;

import java.nio.file.Path;
import java.sql.SQLException;

import picocli.CommandLine.Option;

/** The options of every command that works on stored data: the data folder and, optionally, PostgreSQL. */
final class DataOptions {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:VIGIL_DATA:-data}",
            description = "Data folder (database, certificate, keys, files). Default: ${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", defaultValue = "${env:VIGIL_DB_URL}",
            description = "JDBC URL of a PostgreSQL database (user and password from VIGIL_DB_USER and VIGIL_DB_PASSWORD).")
    String databaseUrl;

    /** A failure to open the database, in words: the usual cause is a server running on the same H2 file. */
    static String explain(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getMessage() != null && sql.getMessage().contains("already in use")) {
                return "the database is in use by a running Vigil server; stop it first, or use the server's API";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
