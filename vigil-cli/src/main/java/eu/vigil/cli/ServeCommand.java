package eu.vigil.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import eu.vigil.VigilApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the Vigil server (HTTPS) on the embedded database, or on PostgreSQL with --db-url.")
final class ServeCommand implements Callable<Integer> {

    private static volatile boolean serving;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:VIGIL_DATA:-data}",
            description = "Data folder (database, certificate, keys, files). Default: ${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--port", paramLabel = "N", defaultValue = "${env:VIGIL_PORT:-8443}",
            description = "HTTPS port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--http-port", paramLabel = "N", defaultValue = "${env:VIGIL_HTTP_PORT:--1}",
            description = "Also listen for plain HTTP on this port, only to redirect to HTTPS. Off by default.")
    int httpPort;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "File holding the master key passphrase (else VIGIL_MASTER_PASSPHRASE; on first start "
                    + "without either, one is generated into the data folder).")
    Path passphraseFile;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", defaultValue = "${env:VIGIL_DB_URL}",
            description = "JDBC URL of a PostgreSQL database, e.g. jdbc:postgresql://db:5432/vigil "
                    + "(user and password from VIGIL_DB_USER and VIGIL_DB_PASSWORD).")
    String databaseUrl;

    static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() {
        List<String> arguments = new ArrayList<>();
        arguments.add("--vigil.data=" + data.toAbsolutePath().normalize());
        arguments.add("--server.port=" + port);
        if (passphraseFile != null) {
            arguments.add("--vigil.keys.passphrase-file=" + passphraseFile.toAbsolutePath().normalize());
        }
        if (httpPort > 0) {
            arguments.add("--vigil.http.port=" + httpPort);
        }
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            arguments.add("--spring.datasource.url=" + databaseUrl);
            arguments.add("--spring.datasource.username=" + env("VIGIL_DB_USER", "vigil"));
            arguments.add("--spring.datasource.password=" + env("VIGIL_DB_PASSWORD", ""));
        }
        VigilApplication.start(arguments.toArray(String[]::new));
        serving = true;
        return VigilCli.OK;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
