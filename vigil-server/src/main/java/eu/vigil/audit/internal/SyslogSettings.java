package eu.vigil.audit.internal;

import java.nio.file.Path;

import org.springframework.core.env.Environment;

/**
 * Where audit entries are forwarded: {@code vigil.syslog.host}, {@code .port} (default 6514 with
 * TLS, 601 without), {@code .tls} (RFC 5425; certificates are verified against the JDK's trust
 * store or {@code .trust-store}, a PKCS#12 file with {@code .trust-store-password}; TLS 1.2+),
 * {@code .hostname} (the HOSTNAME field), {@code .facility} (default 13, log audit).
 */
record SyslogSettings(boolean enabled, String host, int port, boolean tls, Path trustStore, String trustStorePassword,
                      String hostname, int facility) {

    static SyslogSettings from(Environment environment) {
        String host = environment.getProperty("vigil.syslog.host");
        boolean tls = environment.getProperty("vigil.syslog.tls", Boolean.class, false);
        String trustStore = environment.getProperty("vigil.syslog.trust-store");
        return new SyslogSettings(
                environment.getProperty("vigil.syslog.enabled", Boolean.class, true) && host != null && !host.isBlank(),
                host, environment.getProperty("vigil.syslog.port", Integer.class, tls ? 6514 : 601), tls,
                trustStore == null || trustStore.isBlank() ? null : Path.of(trustStore),
                environment.getProperty("vigil.syslog.trust-store-password", ""),
                environment.getProperty("vigil.syslog.hostname", localHostName()),
                environment.getProperty("vigil.syslog.facility", Integer.class, 13));
    }

    private static String localHostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "vigil";
        }
    }
}
