package eu.vigil;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Vigil server: a modular monolith, one top-level package per business module.
 * Started by {@code vigil serve}; see {@code eu.vigil.cli.ServeCommand}.
 */
@SpringBootApplication
@Modulithic(systemName = "Vigil", sharedModules = "platform")
@EnableScheduling
public class VigilApplication {

    public static ConfigurableApplicationContext start(String... args) {
        SpringApplication application = new SpringApplication(VigilApplication.class);
        return application.run(args);
    }

    public static void main(String[] args) {
        start(args);
    }
}
