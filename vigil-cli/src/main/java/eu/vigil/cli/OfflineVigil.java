package eu.vigil.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import eu.vigil.VigilApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Vigil without its web server and background jobs, on a data folder, for the offline
 * commands. Refuses when a running server holds the folder's embedded database, since H2 allows
 * one process per file.
 */
final class OfflineVigil {

    /** A clear refusal, printed as the command's error. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** Standard output as it was before Spring started: machine output goes here, logs to stderr. */
    static final java.io.PrintStream STDOUT = System.out;

    private OfflineVigil() {
    }

    static String h2Url(Path data) {
        return eu.vigil.platform.VigilEnvironment.h2Url(data.resolve("db/vigil"));
    }

    /** Throws {@link Refused} when the folder has no database, or a server has it open. */
    static void checkNotInUse(Path data) {
        checkNotInUse(data, true);
    }

    private static void checkNotInUse(Path data, boolean databaseMustExist) {
        Path file = data.resolve("db/vigil.mv.db");
        if (!Files.exists(file) && !databaseMustExist) {
            return; // a new installation: the migrations make the database
        }
        if (!Files.exists(file)) {
            throw new Refused("no Vigil database in " + data.toAbsolutePath() + " (expected " + file + ")");
        }
        try (Connection ignored = DriverManager.getConnection(h2Url(data) + ";IFEXISTS=TRUE", "vigil", "")) {
            // free
        } catch (SQLException e) {
            if (e.getErrorCode() == 90020 || String.valueOf(e.getMessage()).contains("already in use")) {
                throw new Refused("the Vigil server is running on " + data.toAbsolutePath()
                        + " (its H2 database is in use): stop it first, or use the administration pages");
            }
            throw new Refused("cannot open the database in " + data.toAbsolutePath() + ": " + e.getMessage());
        }
    }

    static ConfigurableApplicationContext open(Path data, String databaseUrl, Path passphraseFile) {
        return open(data, databaseUrl, passphraseFile, true);
    }

    /** As {@link #open(Path, String, Path)}, also on a folder that has no database yet (first set-up). */
    static ConfigurableApplicationContext openForSetUp(Path data, String databaseUrl) {
        return open(data, databaseUrl, null, false);
    }

    private static ConfigurableApplicationContext open(Path data, String databaseUrl, Path passphraseFile,
                                                       boolean databaseMustExist) {
        List<String> arguments = new ArrayList<>();
        Path root = data.toAbsolutePath().normalize();
        arguments.add("--vigil.data=" + root);
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            arguments.add("--spring.datasource.url=" + databaseUrl);
            arguments.add("--spring.datasource.username=" + env("VIGIL_DB_USER", "vigil"));
            arguments.add("--spring.datasource.password=" + env("VIGIL_DB_PASSWORD", ""));
        } else {
            checkNotInUse(root, databaseMustExist);
        }
        if (passphraseFile != null) {
            arguments.add("--vigil.keys.passphrase-file=" + passphraseFile.toAbsolutePath());
        }
        arguments.add("--vigil.tls.enabled=false");
        arguments.add("--vigil.jobs.enabled=false");
        arguments.add("--vigil.audit.chainer.enabled=false");
        arguments.add("--vigil.syslog.enabled=false");
        arguments.add("--spring.main.log-startup-info=false");
        arguments.add("--logging.level.root=WARN");
        arguments.add("--spring.modulith.republish-outstanding-events-on-restart=false");
        // the console log appender binds to System.out when it starts: point it at stderr
        System.setOut(System.err);
        return new SpringApplicationBuilder(VigilApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .run(arguments.toArray(String[]::new));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
