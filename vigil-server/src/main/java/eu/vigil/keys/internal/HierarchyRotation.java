package eu.vigil.keys.internal;

import java.util.List;

import eu.vigil.keys.KeyRotation;
import eu.vigil.keys.KeysRotated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * KEK rotation in three crash-safe steps: (1) commit a new KEK, which new keys use at once;
 * (2) re-wrap keys from older KEKs in batches, each batch its own transaction, each row naming
 * the KEK it is wrapped under; (3) delete KEKs nothing refers to any more (the foreign keys
 * refuse to delete one that is still used, whatever a concurrent writer did).
 */
@Component
class HierarchyRotation implements KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(HierarchyRotation.class);
    static final int BATCH = 500;
    private final KeyHierarchy keys;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate batch;

    HierarchyRotation(KeyHierarchy keys, JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions,
                      ApplicationEventPublisher events) {
        this.keys = keys;
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
    }

    @Override
    public RotationResult rotate() {
        int version = transaction.execute(status -> keys.insertKek(keys.activeVersion() + 1));
        log.info("Made key-encryption key {}; re-wrapping data and signing keys", version);
        return finish(version);
    }

    @Override
    public RotationResult resume() {
        return finish(keys.activeVersion());
    }

    private RotationResult finish(int version) {
        long rewrapped = 0;
        int done;
        do {
            done = transaction.execute(status -> rewrapDataKeys(version));
            rewrapped += done;
        } while (done > 0);
        do {
            done = transaction.execute(status -> rewrapSigningKeys(version));
            rewrapped += done;
        } while (done > 0);
        int retired = 0;
        for (int old : keys.versions()) {
            if (old < version) {
                try {
                    Integer deleted = transaction.execute(status ->
                            jdbc.sql("DELETE FROM keys_kek WHERE version = ?").param(old).update());
                    retired += deleted == null ? 0 : deleted;
                } catch (org.springframework.dao.DataIntegrityViolationException e) {
                    // still referenced: a key was wrapped under it meanwhile; the next run moves it
                    log.warn("Key-encryption key {} is still in use; run the rotation again to retire it", old);
                }
            }
        }
        RotationResult result = new RotationResult(version, rewrapped, retired);
        events.publishEvent(new KeysRotated(version, rewrapped, retired));
        log.info("Rotation finished: KEK {} active, {} keys re-wrapped, {} old KEKs deleted", version, rewrapped, retired);
        return result;
    }

    private int rewrapDataKeys(int version) {
        record Row(String id, String purpose, String objectId, int kek, String wrapped) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT id, purpose, object_id, kek_version, wrapped_key FROM keys_data_key
                WHERE kek_version < ? ORDER BY id FETCH FIRST %d ROWS ONLY FOR UPDATE""".formatted(BATCH))
                .param(version)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5)))
                .list();
        List<Object[]> updates = rows.stream().map(row -> {
            KeyHierarchy.DataKey key = keys.unwrap(row.id(), row.purpose(), row.objectId(), row.kek(), row.wrapped());
            return new Object[] {version, keys.wrapDataKey(row.id(), row.purpose(), row.objectId(), version, key.key()),
                    row.id(), row.kek()};
        }).toList();
        batchUpdate("UPDATE keys_data_key SET kek_version = ?, wrapped_key = ? WHERE id = ? AND kek_version = ?", updates);
        return rows.size();
    }

    private int rewrapSigningKeys(int version) {
        record Row(String id, int kek, String wrapped) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT id, kek_version, wrapped_private FROM keys_signing_key
                WHERE kek_version < ? ORDER BY id FETCH FIRST %d ROWS ONLY FOR UPDATE""".formatted(BATCH))
                .param(version)
                .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getString(3)))
                .list();
        List<Object[]> updates = rows.stream().map(row -> new Object[] {version,
                keys.wrapPrivate(row.id(), version, keys.unwrapPrivate(row.id(), row.kek(), row.wrapped())),
                row.id(), row.kek()}).toList();
        batchUpdate("UPDATE keys_signing_key SET kek_version = ?, wrapped_private = ? WHERE id = ? AND kek_version = ?",
                updates);
        return rows.size();
    }

    private void batchUpdate(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            batch.batchUpdate(sql, rows);
        }
    }

    @Override
    public KeyStatus status() {
        Integer active = keys.activeVersion();
        long dataKeys = jdbc.sql("SELECT COUNT(*) FROM keys_data_key").query(Long.class).single();
        long behind = jdbc.sql("SELECT COUNT(*) FROM keys_data_key WHERE kek_version < ?").param(active)
                .query(Long.class).single()
                + jdbc.sql("SELECT COUNT(*) FROM keys_signing_key WHERE kek_version < ?").param(active)
                .query(Long.class).single();
        return new KeyStatus(active, keys.versions(), dataKeys, behind, keys.master().location());
    }
}
