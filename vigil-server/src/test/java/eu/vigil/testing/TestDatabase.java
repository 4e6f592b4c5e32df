package eu.vigil.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty database for one test class: an H2 file in a temporary folder, or a new database
 * on the PostgreSQL server named by {@code VIGIL_TEST_POSTGRES_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}). When that server is not
 * reachable PostgreSQL tests are skipped with a message, unless {@code VIGIL_REQUIRE_POSTGRES=true}
 * (as in CI), where they fail instead.
 */
public record TestDatabase(String kind, String url, String user, String password) {

    public static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    public static TestDatabase h2(Path folder) {
        return new TestDatabase("h2", eu.vigil.platform.VigilEnvironment.h2Url(folder.resolve("db/vigil")), "vigil", "");
    }

    public static TestDatabase h2() {
        try {
            return h2(Files.createTempDirectory("vigil-h2-"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Skips the calling test class (call it from {@code @BeforeAll}) when the PostgreSQL test server
     * cannot be reached, or fails it when {@code VIGIL_REQUIRE_POSTGRES=true}. Needed because an
     * assumption that fails while a Spring context loads counts as an error, not a skip.
     */
    public static void requirePostgres() {
        String serverUrl = env("VIGIL_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL);
        try (Connection ignored = DriverManager.getConnection(serverUrl,
                env("VIGIL_TEST_POSTGRES_USER", "postgres"), env("VIGIL_TEST_POSTGRES_PASSWORD", ""))) {
            // reachable
        } catch (SQLException e) {
            String message = "PostgreSQL not reachable at " + serverUrl + " (" + e.getMessage()
                    + "): PostgreSQL tests skipped. Set VIGIL_TEST_POSTGRES_URL to run them.";
            if (Boolean.parseBoolean(System.getenv("VIGIL_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException(message, e);
            }
            Assumptions.abort(message);
        }
    }

    /** A new database on the test PostgreSQL server; skips (or, in CI, fails) when there is none. */
    public static TestDatabase postgres() {
        String serverUrl = env("VIGIL_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL);
        String user = env("VIGIL_TEST_POSTGRES_USER", "postgres");
        String password = env("VIGIL_TEST_POSTGRES_PASSWORD", "");
        String name = "vigil_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String message = "PostgreSQL not reachable at " + serverUrl + " (" + e.getMessage()
                    + "): PostgreSQL tests skipped. Set VIGIL_TEST_POSTGRES_URL to run them.";
            if (Boolean.parseBoolean(System.getenv("VIGIL_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException(message, e);
            }
            Assumptions.abort(message);
        }
        int slash = serverUrl.lastIndexOf('/');
        int query = serverUrl.indexOf('?', slash);
        String url = serverUrl.substring(0, slash + 1) + name + (query < 0 ? "" : serverUrl.substring(query));
        return new TestDatabase("postgresql", url, user, password);
    }

    /** Spring properties that point the application at this database. */
    public Map<String, String> springProperties() {
        return Map.of("spring.datasource.url", url,
                "spring.datasource.username", user,
                "spring.datasource.password", password,
                "spring.datasource.hikari.maximum-pool-size", "5",
                "spring.datasource.hikari.minimum-idle", "1");
    }

    /**
     * Points a Spring test context at a database made on first use, and at a fresh data folder.
     * Use from a {@code @DynamicPropertySource} method of each concrete test class:
     * <pre>{@code
     * class IdentityOnPostgresIT extends IdentityScenarios {
     *     @BeforeAll
     *     static void postgresPresent() {
     *         TestDatabase.requirePostgres();
     *     }
     *
     *     @DynamicPropertySource
     *     static void database(DynamicPropertyRegistry registry) {
     *         TestDatabase.register(registry, TestDatabase::postgres);
     *     }
     * }
     * }</pre>
     * The database is made when the context starts, so a missing PostgreSQL server skips the class.
     */
    public static void register(org.springframework.test.context.DynamicPropertyRegistry registry,
                                java.util.function.Supplier<TestDatabase> factory) {
        java.util.function.Supplier<TestDatabase> once = new java.util.function.Supplier<>() {
            private TestDatabase database;

            @Override
            public synchronized TestDatabase get() {
                if (database == null) {
                    database = factory.get();
                }
                return database;
            }
        };
        registry.add("spring.datasource.url", () -> once.get().url());
        registry.add("spring.datasource.username", () -> once.get().user());
        registry.add("spring.datasource.password", () -> once.get().password());
        // Spring keeps up to spring.test.context.cache.maxSize contexts open, each with its own
        // pool: small pools keep a whole test run under PostgreSQL's max_connections (100).
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "5");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
        String dataFolder = temporaryDataFolder();
        registry.add("vigil.data", () -> dataFolder);
    }

    private static String temporaryDataFolder() {
        try {
            return Files.createTempDirectory("vigil-data-").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
