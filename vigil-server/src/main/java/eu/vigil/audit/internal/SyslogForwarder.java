package eu.vigil.audit.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import eu.vigil.audit.AuditOutcome;
import eu.vigil.audit.AuditRecord;
import eu.vigil.core.syslog.OctetCountingFraming;
import eu.vigil.core.syslog.Rfc5424Formatter;
import eu.vigil.core.syslog.SyslogMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forwards chained audit entries, in chain order, to a syslog collector as RFC 5424 messages over
 * TCP or TLS with octet-counting framing. The queue is the chain itself, on disk in the database:
 * {@code audit_syslog_cursor} holds the last entry the collector took, and moves only after a
 * batch was written and flushed; while the collector is down entries wait there, and are sent,
 * in order, when it is back. Delivery is at least once: each message names its {@code seq}, so a
 * collector can drop the rare repeat after a crash. The cursor row lock (skip-locked) makes one
 * node forward at a time.
 */
@Component
class SyslogForwarder implements SmartLifecycle {

    static final String SD_ID = "vigil@32473";
    static final String DETAILS_SD_ID = "vigil-details@32473";
    private static final Logger log = LoggerFactory.getLogger(SyslogForwarder.class);
    private static final int BATCH = 500;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final AtomicReference<SyslogSettings> settings;
    private final long retryMaxMillis;
    private volatile boolean running;
    private Thread thread;
    private Socket socket;
    private OutputStream out;
    private boolean down;

    SyslogForwarder(JdbcTemplate jdbc, PlatformTransactionManager transactions, Environment environment) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.settings = new AtomicReference<>(SyslogSettings.from(environment));
        this.retryMaxMillis = environment.getProperty("vigil.syslog.retry-max", java.time.Duration.class,
                java.time.Duration.ofSeconds(30)).toMillis();
    }

    /** Points the forwarder elsewhere (tests, and a future settings page); reconnects. */
    void configure(SyslogSettings next) {
        settings.set(next);
        disconnect();
    }

    /** Sends what is waiting; returns how many entries the collector took. */
    synchronized long forward() {
        SyslogSettings current = settings.get();
        if (!current.enabled()) {
            return 0;
        }
        long total = 0;
        int sent;
        do {
            sent = forwardBatch(current);
            total += sent;
        } while (sent == BATCH);
        return total;
    }

    private int forwardBatch(SyslogSettings target) {
        Integer sent = transaction.execute(status -> {
            List<Long> cursor = jdbc.queryForList(
                    "SELECT last_seq FROM audit_syslog_cursor WHERE id = 1 FOR UPDATE SKIP LOCKED", Long.class);
            if (cursor.isEmpty()) {
                return 0; // another node is forwarding
            }
            List<AuditRecord> entries = jdbc.query("SELECT " + JdbcAuditLog.COLUMNS
                    + " FROM audit_entry WHERE seq > ? ORDER BY seq FETCH FIRST " + BATCH + " ROWS ONLY",
                    JdbcAuditLog.ROW, cursor.get(0));
            if (entries.isEmpty()) {
                return 0;
            }
            try {
                OutputStream stream = connection(target);
                for (AuditRecord entry : entries) {
                    OctetCountingFraming.write(stream, Rfc5424Formatter.format(message(entry, target)));
                }
                stream.flush();
            } catch (IOException | GeneralSecurityException e) {
                disconnect();
                if (!down) {
                    log.warn("Syslog collector {}:{} not reachable ({}); audit entries wait in the database and "
                            + "follow in order when it is back", target.host(), target.port(), e.getMessage());
                    down = true;
                }
                status.setRollbackOnly();
                return -1;
            }
            if (down) {
                log.info("Syslog collector {}:{} reachable again; forwarding", target.host(), target.port());
                down = false;
            }
            long last = entries.get(entries.size() - 1).seq();
            jdbc.update("UPDATE audit_syslog_cursor SET last_seq = ?, updated_at = CURRENT_TIMESTAMP WHERE id = 1", last);
            return entries.size();
        });
        return sent == null || sent < 0 ? 0 : sent;
    }

    static SyslogMessage message(AuditRecord entry, SyslogSettings target) {
        int severity = entry.outcome() == AuditOutcome.SUCCESS ? 6 : entry.outcome() == AuditOutcome.DENIED ? 5 : 4;
        List<SyslogMessage.Param> params = new ArrayList<>();
        params.add(new SyslogMessage.Param("seq", Long.toString(entry.seq())));
        add(params, "actor", entry.actor());
        add(params, "client", entry.clientAddress());
        add(params, "action", entry.action());
        add(params, "objectType", entry.objectType());
        add(params, "objectId", entry.objectId());
        add(params, "outcome", entry.outcome().name());
        add(params, "hash", entry.entryHash());
        add(params, "prev", entry.prevHash());
        List<SyslogMessage.StructuredElement> data = new ArrayList<>();
        data.add(new SyslogMessage.StructuredElement(SD_ID, params));
        if (!entry.details().isEmpty()) {
            List<SyslogMessage.Param> details = new ArrayList<>();
            for (Map.Entry<String, String> d : entry.details().entrySet()) {
                details.add(new SyslogMessage.Param(d.getKey().isEmpty() ? "_" : d.getKey(), d.getValue()));
            }
            data.add(new SyslogMessage.StructuredElement(DETAILS_SD_ID, details));
        }
        String text = entry.action() + " " + entry.outcome().name().toLowerCase(java.util.Locale.ROOT)
                + (entry.actor() == null ? "" : " by " + entry.actor())
                + (entry.objectType() == null ? "" : " on " + entry.objectType()
                + (entry.objectId() == null ? "" : " " + entry.objectId()));
        return new SyslogMessage(target.facility(), severity, 1, Rfc5424Formatter.timestamp(entry.recordedAt()),
                target.hostname(), "vigil", null, "audit", data, text, true);
    }

    private static void add(List<SyslogMessage.Param> params, String name, String value) {
        if (value != null) {
            params.add(new SyslogMessage.Param(name, value));
        }
    }

    private OutputStream connection(SyslogSettings target) throws IOException, GeneralSecurityException {
        if (out != null && peerClosed()) {
            disconnect();
        }
        if (out != null) {
            return out;
        }
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(target.host(), target.port()), 5000);
        plain.setSoTimeout(10_000);
        plain.setKeepAlive(true);
        Socket connected = plain;
        if (target.tls()) {
            SSLSocket tls = (SSLSocket) sslContext(target).getSocketFactory()
                    .createSocket(plain, target.host(), target.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            // the collector's certificate must name the host we connect to (RFC 5425 section 5.2)
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            try {
                tls.startHandshake();
            } catch (IOException e) {
                tls.close();
                throw e;
            }
            connected = tls;
        }
        socket = connected;
        out = new BufferedOutputStream(connected.getOutputStream(), 64 * 1024);
        return out;
    }

    /**
     * Whether the collector has closed the connection. A collector never sends, so a read that
     * times out means the connection is open; end of stream means it closed. Without this check
     * the first batch after a collector restart would go into a dead socket's buffer and be lost.
     */
    private boolean peerClosed() {
        try {
            socket.setSoTimeout(1);
            return socket.getInputStream().read() < 0;
        } catch (java.net.SocketTimeoutException open) {
            return false;
        } catch (IOException e) {
            return true;
        } finally {
            try {
                if (!socket.isClosed()) {
                    socket.setSoTimeout(10_000);
                }
            } catch (IOException ignored) {
                // closed meanwhile
            }
        }
    }

    private static SSLContext sslContext(SyslogSettings target) throws IOException, GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (target.trustStore() == null) {
            trust.init((KeyStore) null); // the JDK's trusted authorities
        } else {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(target.trustStore())) {
                store.load(in, target.trustStorePassword().toCharArray());
            }
            trust.init(store);
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private void disconnect() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing a broken connection
        }
        socket = null;
        out = null;
    }

    private void loop() {
        long backoff = 500;
        while (running) {
            try {
                long sent = forward();
                backoff = down ? Math.min(backoff * 2, retryMaxMillis) : 500;
                if (sent == 0) {
                    pause(down ? backoff : 500);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Syslog forwarding failed (will retry): {}", e.getMessage());
                }
                try {
                    pause(5000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Sleeps in short steps, so stop() needs no interrupt (H2 closes its file on one during I/O). */
    private void pause(long millis) throws InterruptedException {
        for (long left = millis; left > 0 && running; left -= 100) {
            TimeUnit.MILLISECONDS.sleep(Math.min(100, left));
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("syslog-forwarder").start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        disconnect();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stops before the chainer, which drains last
        return DEFAULT_PHASE - 10;
    }
}
