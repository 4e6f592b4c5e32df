package eu.vigil.notifications.internal;

import java.util.Properties;

import eu.vigil.notifications.Notice;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends notices as plain-text e-mail over SMTP with Spring's {@link JavaMailSenderImpl} (Jakarta
 * Mail). STARTTLS is required unless the administrator chose implicit TLS; the server's
 * certificate is checked against the JDK's trusted roots and its name against the host, and TLS
 * below 1.2 is refused.
 */
@Component
class MailChannel {

    private final MailSettingsStore store;
    private final NotificationSettings settings;

    MailChannel(MailSettingsStore store, NotificationSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    void send(String to, Notice notice) {
        MailSettings mail = store.load();
        if (!mail.configured()) {
            throw new DeliveryFailed("No SMTP server is set up (Administration, Notifications).");
        }
        if (mail.security() == MailSettings.Security.NONE && !settings.allowPlainTransport()) {
            throw new DeliveryFailed("SMTP without TLS is not allowed (vigil.notifications.allow-plain-transport is off).");
        }
        JavaMailSenderImpl sender = sender(mail);
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(mail.fromAddress());
        message.setTo(to);
        message.setSubject("[Vigil] " + notice.subject());
        message.setText(text(notice));
        try {
            sender.send(message);
        } catch (MailException e) {
            throw new DeliveryFailed("SMTP " + mail.host() + ":" + mail.port() + ": " + rootMessage(e), e);
        }
    }

    private JavaMailSenderImpl sender(MailSettings mail) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mail.host());
        sender.setPort(mail.port());
        sender.setDefaultEncoding("UTF-8");
        Properties p = sender.getJavaMailProperties();
        String timeout = String.valueOf(settings.sendTimeout().toMillis());
        p.put("mail.smtp.connectiontimeout", timeout);
        p.put("mail.smtp.timeout", timeout);
        p.put("mail.smtp.writetimeout", timeout);
        if (mail.username() != null && !mail.username().isBlank()) {
            sender.setUsername(mail.username());
            sender.setPassword(store.password().orElse(""));
            p.put("mail.smtp.auth", "true");
        }
        switch (mail.security()) {
            case STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
            }
            case TLS -> p.put("mail.smtp.ssl.enable", "true");
            case NONE -> { }
        }
        if (mail.security() != MailSettings.Security.NONE) {
            // Jakarta Mail checks the certificate chain but not the host name unless told to
            p.put("mail.smtp.ssl.checkserveridentity", "true");
            p.put("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
        }
        return sender;
    }

    private String text(Notice notice) {
        StringBuilder text = new StringBuilder(notice.body());
        String link = settings.absolute(notice.link());
        if (link != null) {
            text.append("\n\n").append(link);
        }
        text.append("\n\n--\nVigil notice ").append(notice.topic()).append(" (").append(notice.urgency()).append(")");
        return text.toString();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
