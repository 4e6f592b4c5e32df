package eu.vigil.keys.internal;

import eu.vigil.platform.DataFolder;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Opens the master key before anything else starts (before the database is migrated or the
 * certificate made), so a wrong passphrase stops Vigil with a clear message and changes nothing.
 */
public class MasterKeyEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("vigil.keys.enabled", Boolean.class, true)) {
            return;
        }
        MasterKeyStore.open(environment, DataFolder.from(environment).root(), true);
    }

    @Override
    public int getOrder() {
        // after the configuration files are read, before VigilEnvironment makes anything
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
