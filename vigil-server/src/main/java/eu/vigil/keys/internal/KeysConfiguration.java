package eu.vigil.keys.internal;

import eu.vigil.platform.DataFolder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class KeysConfiguration {

    @Bean
    MasterKey masterKey(Environment environment) {
        // MasterKeyEnvironment opened or made it already, except where properties come later (tests)
        return MasterKeyStore.open(environment, DataFolder.from(environment).root(), true);
    }
}
