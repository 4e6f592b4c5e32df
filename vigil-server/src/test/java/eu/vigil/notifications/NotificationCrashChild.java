package eu.vigil.notifications;

import java.util.Map;
import java.util.Set;

import eu.vigil.VigilApplication;
import eu.vigil.identity.CurrentUser;
import eu.vigil.identity.Role;
import eu.vigil.notifications.internal.NotificationCenter;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A Vigil in a child process for {@code NotificationCrashIT}: {@code DATA publish URL} subscribes a
 * webhook, publishes a notice and stays up (it is killed mid-delivery); {@code DATA deliver}
 * starts with the pollers on and waits until the outbox has nothing pending.
 */
public final class NotificationCrashChild {

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext vigil = new SpringApplicationBuilder(VigilApplication.class)
                .web(WebApplicationType.NONE)
                .run("--vigil.data=" + args[0], "--vigil.tls.enabled=false",
                        "--vigil.jobs.enabled=" + args[1].equals("deliver"),
                        "--vigil.notifications.allow-plain-transport=true", "--vigil.notifications.lease=3s",
                        "--vigil.notifications.poll-interval=300ms", "--vigil.notifications.send-timeout=60s",
                        "--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
            System.out.println("READY");
            System.out.flush();
            JdbcClient jdbc = vigil.getBean(JdbcClient.class);
            switch (args[1]) {
                case "publish" -> {
                    NotificationCenter center = vigil.getBean(NotificationCenter.class);
                    CurrentUser admin = new CurrentUser(1, "crash-test", "Crash test", Set.of(Role.ADMIN), null);
                    var created = center.create(new NotificationCenter.Form("WEBHOOK", args[2], null, "crash.*", null, null,
                            true), admin);
                    System.out.println("SECRET " + created.secret());
                    vigil.getBean(TransactionTemplate.class).executeWithoutResult(s -> vigil.publishEvent(new Notice("crash.test", Notice.Urgency.CRITICAL, "crash:1", "Delivered despite a crash",
                                    "", null, Set.of(), Map.of())));
                    System.out.println("PUBLISHED");
                    System.out.flush();
                    Thread.sleep(120_000);
                }
                case "deliver" -> {
                    long deadline = System.currentTimeMillis() + 60_000;
                    while (System.currentTimeMillis() < deadline && jdbc.sql(
                            "SELECT COUNT(*) FROM notification_delivery WHERE status <> 'SENT'").query(Long.class).single() > 0) {
                        Thread.sleep(200);
                    }
                    System.out.println("OK " + jdbc.sql("SELECT status || ' ' || attempts FROM notification_delivery")
                            .query(String.class).list());
                }
                default -> throw new IllegalArgumentException(args[1]);
            }
        }
    }
}
