package eu.vigil.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The hash-chained trail on any database: run by {@code AuditOnH2IT} and {@code AuditOnPostgresIT}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "vigil.tls.enabled=false")
abstract class AuditScenarios {

    static final Path DATA = folder();

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditIntegrity integrity;
    @Autowired
    AuditLog log;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    static Path folder() {
        try {
            return Files.createTempDirectory("vigil-audit-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long chained() {
        integrity.chainPending();
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry").query(Long.class).single();
    }

    @Test
    void concurrentWritersMakeOneChainWithoutGaps() throws Exception {
        long before = chained();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 250; i++) {
                    trail.record(AuditEvent.of("test.write").object("thing", thread + "-" + i).actor("writer-" + thread));
                }
                List<AuditEvent> batch = new ArrayList<>();
                for (int i = 0; i < 250; i++) {
                    batch.add(AuditEvent.of("test.batch").object("thing", thread + "-" + i).actor("writer-" + thread).build());
                }
                trail.recordAll(batch);
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();
        assertThat(chained()).isEqualTo(before + 2000);
        ChainVerification result = integrity.verify();
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.entries()).isEqualTo(before + 2000);
        assertThat(result.pending()).isZero();
    }

    @Test
    void anEntryOfARolledBackTransactionIsNotRecorded() {
        long before = chained();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            trail.record(AuditEvent.of("test.rolled-back"));
            status.setRollbackOnly();
        });
        assertThat(chained()).isEqualTo(before);
    }

    @Test
    void verificationReportsTheFirstChangedEntry() {
        for (int i = 0; i < 20; i++) {
            trail.record(AuditEvent.of("test.tamper").object("doc", i).actor("alice"));
        }
        chained();
        long seq = jdbc.sql("SELECT MAX(seq) FROM audit_entry").query(Long.class).single() - 10;
        String actor = jdbc.sql("SELECT actor FROM audit_entry WHERE seq = ?").param(seq).query(String.class).single();
        try {
            jdbc.sql("UPDATE audit_entry SET actor = 'mallory' WHERE seq = ?").param(seq).update();
            ChainVerification result = integrity.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenSeq()).isEqualTo(seq);
            assertThat(result.problem()).contains("entry " + seq).contains("does not match its hash");
        } finally {
            jdbc.sql("UPDATE audit_entry SET actor = ? WHERE seq = ?").params(actor, seq).update();
        }
        assertThat(integrity.verify().intact()).isTrue();
    }

    @Test
    void verificationReportsARemovedEntryAndACutTail() {
        for (int i = 0; i < 10; i++) {
            trail.record(AuditEvent.of("test.remove").object("doc", i));
        }
        chained();
        AuditIntegrity.Checkpoint checkpoint = integrity.checkpoint().orElseThrow();
        long last = checkpoint.seq();
        Map<String, Object> removed = jdbc.sql("SELECT * FROM audit_entry WHERE seq = ?").param(last - 3).query().singleRow();
        Map<String, Object> tail = jdbc.sql("SELECT * FROM audit_entry WHERE seq = ?").param(last).query().singleRow();
        String tailPrevious = (String) tail.get("prev_hash");
        try {
            jdbc.sql("DELETE FROM audit_entry WHERE seq = ?").param(last - 3).update();
            ChainVerification gap = integrity.verify();
            assertThat(gap.firstBrokenSeq()).isEqualTo(last - 3);
            assertThat(gap.problem()).contains("missing");
            insert(removed);

            // cut the last entry and move the head back: only the signed checkpoint notices
            jdbc.sql("DELETE FROM audit_entry WHERE seq = ?").param(last).update();
            jdbc.sql("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1").params(last - 1, tailPrevious).update();
            ChainVerification cut = integrity.verify();
            assertThat(cut.intact()).isFalse();
            assertThat(cut.firstBrokenSeq()).isEqualTo(last);
            assertThat(cut.problem()).contains("checkpoint");
        } finally {
            jdbc.sql("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")
                    .params(last, tail.get("entry_hash")).update();
            if (jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE seq = ?").param(last).query(Long.class).single() == 0) {
                insert(tail);
            }
        }
        ChainVerification restored = integrity.verify();
        assertThat(restored.intact()).as(restored.problem()).isTrue();
        assertThat(restored.checkpoints()).isGreaterThanOrEqualTo(1);
    }

    private void insert(Map<String, Object> row) {
        jdbc.sql("""
                INSERT INTO audit_entry (seq, recorded_at, actor, client_address, action, object_type, object_id, outcome,
                                         details, prev_hash, entry_hash)
                VALUES (:seq, :recorded_at, :actor, :client_address, :action, :object_type, :object_id, :outcome,
                        :details, :prev_hash, :entry_hash)""")
                .params(lowerCaseKeys(row)).update();
    }

    private static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
        Map<String, Object> lower = new java.util.HashMap<>();
        row.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return lower;
    }

    @Test
    void auditorsSearchAndExportTheTrail() {
        trail.record(AuditEvent.of("identity.login").actor("carol").clientAddress("192.0.2.7").failed()
                .detail("reason", "bad password, \"twice\""));
        trail.record(AuditEvent.of("identity.logout").actor("carol"));
        trail.record(AuditEvent.of("scope.update").actor("dave").object("profile", 1));
        chained();

        AuditFilter carol = new AuditFilter(null, null, "carol", "identity.*", null, null, null, null);
        assertThat(log.count(carol)).isEqualTo(2);
        List<AuditRecord> found = log.search(carol, 0, 10);
        assertThat(found).extracting(AuditRecord::action).containsExactly("identity.logout", "identity.login");
        assertThat(found.get(1).details()).containsEntry("reason", "bad password, \"twice\"");
        assertThat(log.search(new AuditFilter(null, null, null, null, null, null, AuditOutcome.FAILURE, "192.0.2.7"), 0, 10))
                .singleElement().extracting(AuditRecord::actor).isEqualTo("carol");

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        log.export(carol, AuditLog.ExportFormat.CSV, csv);
        String[] lines = csv.toString(StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("seq,recorded_at,actor");
        assertThat(lines[1]).contains("carol,192.0.2.7,identity.login").contains("\"{\"\"reason\"\":");

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        log.export(carol, AuditLog.ExportFormat.JSON, json);
        assertThat(json.toString(StandardCharsets.UTF_8).lines()).hasSize(2)
                .allMatch(line -> line.startsWith("{\"seq\":") && line.contains("\"entryHash\":"));
    }
}
