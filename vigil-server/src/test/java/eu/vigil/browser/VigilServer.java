package eu.vigil.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import eu.vigil.VigilApplication;
import eu.vigil.identity.internal.FirstStartActivation;
import eu.vigil.testing.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real Vigil server, started in this JVM on a free port over HTTPS (its own self-signed
 * certificate) with a fresh data folder. H2 by default; {@code VIGIL_BROWSER_DB=postgresql} runs it
 * on a new database of the PostgreSQL test server instead.
 */
final class VigilServer implements AutoCloseable {

    private final Path dataFolder;
    private final ConfigurableApplicationContext context;
    private final int port;
    private final String database;

    private VigilServer(Path dataFolder, ConfigurableApplicationContext context, String database) {
        this.dataFolder = dataFolder;
        this.context = context;
        this.database = database;
        this.port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    static VigilServer start() {
        Path data = TempFolders.create("vigil-browser-data-");
        try {
            TestDatabase db = "postgresql".equalsIgnoreCase(System.getenv("VIGIL_BROWSER_DB"))
                    ? TestDatabase.postgres() : TestDatabase.h2(data);
            List<String> args = new ArrayList<>(List.of(
                    "--server.port=0",
                    "--vigil.data=" + data,
                    "--spring.main.banner-mode=off"));
            for (Map.Entry<String, String> property : db.springProperties().entrySet()) {
                args.add("--" + property.getKey() + "=" + property.getValue());
            }
            long started = System.nanoTime();
            ConfigurableApplicationContext context = VigilApplication.start(args.toArray(String[]::new));
            VigilServer server = new VigilServer(data, context, db.kind());
            System.out.printf("browser tests: Vigil on %s (%s) started in %.1f s%n", server.baseUrl(), db.kind(),
                    (System.nanoTime() - started) / 1e9);
            return server;
        } catch (RuntimeException | Error e) {
            TempFolders.delete(data);
            throw e;
        }
    }

    String baseUrl() {
        return "https://localhost:" + port;
    }

    String url(String path) {
        return baseUrl() + path;
    }

    String database() {
        return database;
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The one-time link printed on this first start. */
    String activationLink() {
        String link = bean(FirstStartActivation.class).lastLink();
        if (link == null) {
            throw new IllegalStateException("the server printed no activation link (it has users already?)");
        }
        return link;
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            TempFolders.delete(dataFolder);
        }
    }
}
