package eu.vigil.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Derives the settings that follow from the data folder before anything starts: the embedded
 * database's location when no database URL is given, and HTTPS with a certificate made on first
 * start when none is configured. Runs after the configuration files are read, so explicit
 * settings always win.
 */
public class VigilEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String TLS_FINGERPRINT = "vigil.tls.fingerprint";

    /**
     * The JDBC URL of the embedded H2 database at this path (without the {@code .mv.db} suffix).
     * {@code WRITE_DELAY=0} writes each commit to the file before the commit returns: H2's default
     * (500 ms) loses the last commits to a kill -9, which Vigil promises never happens.
     */
    public static String h2Url(Path database) {
        return "jdbc:h2:file:" + database.toAbsolutePath().normalize() + ";MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        DataFolder data = DataFolder.from(environment);
        Map<String, Object> derived = new HashMap<>();
        derived.put(DataFolder.PROPERTY, data.root().toString());
        if (!environment.containsProperty("spring.datasource.url")) {
            Path database = data.folder("db").resolve("vigil");
            derived.put("spring.datasource.url", h2Url(database));
            derived.put("spring.datasource.username", "vigil");
            derived.put("spring.datasource.password", "");
        }
        if (environment.getProperty("vigil.tls.enabled", Boolean.class, true)
                && !environment.containsProperty("server.ssl.key-store")
                && !environment.containsProperty("server.ssl.bundle")) {
            try {
                SelfSignedCertificate certificate = SelfSignedCertificate.loadOrCreate(data.folder("tls"));
                derived.put("server.ssl.enabled", "true");
                derived.put("server.ssl.key-store", certificate.keyStore().toString());
                derived.put("server.ssl.key-store-type", "PKCS12");
                derived.put("server.ssl.key-store-password", certificate.password());
                derived.put("server.ssl.key-alias", SelfSignedCertificate.ALIAS);
                derived.put(TLS_FINGERPRINT, certificate.sha256Fingerprint());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare the TLS certificate in " + data.root(), e);
            }
        }
        environment.getPropertySources().addLast(new MapPropertySource("vigil-derived", derived));
    }

    @Override
    public int getOrder() {
        // after ConfigDataEnvironmentPostProcessor, which reads application.properties
        return Ordered.LOWEST_PRECEDENCE;
    }
}
