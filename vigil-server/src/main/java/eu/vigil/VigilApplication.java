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

    /**
     * The application without its web server, for administrative commands that work on the data
     * folder directly ({@code vigil admin bootstrap}, ...).
     */
    public static ConfigurableApplicationContext startOffline(String... args) {
        SpringApplication application = new SpringApplication(VigilApplication.class);
        application.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
        application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setDefaultProperties(java.util.Map.of("logging.level.root", "WARN",
                "spring.main.log-startup-info", "false"));
        return application.run(args);
    }

    public static void main(String[] args) {
        start(args);
    }
}
