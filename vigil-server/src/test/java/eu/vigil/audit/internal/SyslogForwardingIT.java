package eu.vigil.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import eu.vigil.audit.AuditEvent;
import eu.vigil.audit.AuditTrail;
import eu.vigil.core.syslog.SyslogMessage;
import eu.vigil.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Audit entries reach a real TCP (and TLS) collector in order, after it was down for a while. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "vigil.tls.enabled=false")
class SyslogForwardingIT {

    static final Path DATA = folder();
    static final int PORT = port();

    @Autowired
    AuditTrail trail;
    @Autowired
    SyslogForwarder forwarder;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, TestDatabase::h2);
        registry.add("vigil.data", DATA::toString);
        registry.add("vigil.syslog.host", () -> "127.0.0.1");
        registry.add("vigil.syslog.port", () -> PORT);
        registry.add("vigil.syslog.hostname", () -> "vigil-test");
        registry.add("vigil.syslog.retry-max", () -> "PT2S");
    }

    static Path folder() {
        try {
            return Files.createTempDirectory("vigil-syslog-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static int port() {
        try {
            return TestCollector.freePort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long cursor() {
        return jdbc.sql("SELECT last_seq FROM audit_syslog_cursor WHERE id = 1").query(Long.class).single();
    }

    private List<SyslogMessage> receive(TestCollector collector, int count) throws InterruptedException {
        List<SyslogMessage> messages = new ArrayList<>();
        while (messages.size() < count) {
            SyslogMessage message = collector.received.poll(20, TimeUnit.SECONDS);
            assertThat(message).as("message %d of %d", messages.size() + 1, count).isNotNull();
            messages.add(message);
        }
        return messages;
    }

    @Test
    void entriesWaitWhileTheCollectorIsDownAndArriveInOrderWhenItIsBack() throws Exception {
        long start = cursor();
        for (int i = 0; i < 30; i++) {
            trail.record(AuditEvent.of("test.syslog").actor("alice").object("doc", i).detail("n", i)
                    .detail("quote", "a\"b]c"));
        }
        TimeUnit.SECONDS.sleep(3);
        assertThat(cursor()).as("nothing delivered while the collector is down").isEqualTo(start);

        try (TestCollector collector = TestCollector.plain(PORT)) {
            List<SyslogMessage> messages = receive(collector, 30);
            for (int i = 0; i < messages.size(); i++) {
                SyslogMessage m = messages.get(i);
                SyslogMessage.StructuredElement entry = m.element(SyslogForwarder.SD_ID);
                assertThat(Long.parseLong(entry.value("seq"))).isEqualTo(start + 1 + i);
                assertThat(entry.value("action")).isEqualTo("test.syslog");
                assertThat(entry.value("actor")).isEqualTo("alice");
                assertThat(entry.value("hash")).hasSize(64);
                assertThat(m.element(SyslogForwarder.DETAILS_SD_ID).value("quote")).isEqualTo("a\"b]c");
                assertThat(m.hostname()).isEqualTo("vigil-test");
                assertThat(m.appName()).isEqualTo("vigil");
                assertThat(m.facility()).isEqualTo(13);
                assertThat(m.message()).isEqualTo("test.syslog success by alice on doc " + i);
            }
        }
        // down again, and back: the next entries continue the sequence
        long afterFirst = cursor();
        trail.record(AuditEvent.of("test.syslog.later"));
        trail.record(AuditEvent.of("test.syslog.later"));
        TimeUnit.SECONDS.sleep(2);
        try (TestCollector collector = TestCollector.plain(PORT)) {
            List<SyslogMessage> messages = receive(collector, 2);
            assertThat(messages).extracting(m -> Long.parseLong(m.element(SyslogForwarder.SD_ID).value("seq")))
                    .containsExactly(afterFirst + 1, afterFirst + 2);
        }
    }

    @Test
    void forwardsOverTlsOnlyToACollectorWithATrustedCertificate() throws Exception {
        TestCollector.Certificate certificate = TestCollector.Certificate.localhost(DATA);
        int tlsPort = TestCollector.freePort();
        SyslogSettings base = SyslogSettings.from(new org.springframework.mock.env.MockEnvironment()
                .withProperty("vigil.syslog.host", "localhost"));
        try (TestCollector collector = TestCollector.tls(tlsPort, certificate)) {
            // the JDK's authorities do not know the collector's certificate: nothing is sent
            forwarder.configure(new SyslogSettings(true, "localhost", tlsPort, true, null, "", base.hostname(), 13));
            trail.record(AuditEvent.of("test.tls"));
            TimeUnit.SECONDS.sleep(3);
            assertThat(collector.received).isEmpty();

            forwarder.configure(new SyslogSettings(true, "localhost", tlsPort, true, certificate.trustStore(), "trust",
                    base.hostname(), 13));
            SyslogMessage message;
            do {
                message = collector.received.poll(20, TimeUnit.SECONDS);
                assertThat(message).isNotNull();
            } while (!"test.tls".equals(message.element(SyslogForwarder.SD_ID).value("action")));
        } finally {
            forwarder.configure(new SyslogSettings(true, "127.0.0.1", PORT, false, null, "", "vigil-test", 13));
        }
    }
}
