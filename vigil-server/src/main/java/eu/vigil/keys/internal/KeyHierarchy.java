package eu.vigil.keys.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import eu.vigil.core.crypto.AesGcm;
import eu.vigil.core.crypto.CanonicalRecord;
import eu.vigil.core.crypto.TamperedCiphertextException;
import eu.vigil.keys.DecryptionFailedException;
import eu.vigil.keys.MasterKeyUnavailableException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The middle and lower layers of the hierarchy: KEKs (wrapped by the master key) and data keys
 * (wrapped by a KEK, one per purpose and object). Unwrapped keys are cached; a data key never
 * changes, only its wrapping, so the cache stays valid across rotations.
 */
@Component
public class KeyHierarchy implements org.springframework.beans.factory.InitializingBean {

    private static final int CACHE_SIZE = 10_000;
    private final JdbcClient jdbc;
    private final MasterKey master;
    private final TransactionTemplate newTransaction;
    private final Clock clock;
    private final Map<Integer, SecretKey> keks = new ConcurrentHashMap<>();
    private final Map<String, DataKey> dataKeysById = Collections.synchronizedMap(lru());
    private final Map<String, DataKey> dataKeysByObject = Collections.synchronizedMap(lru());

    /** An unwrapped data key and the object it belongs to. */
    public record DataKey(String id, String purpose, String objectId, SecretKey key) {
    }

    KeyHierarchy(JdbcClient jdbc, MasterKey master, PlatformTransactionManager transactions,
                 org.springframework.beans.factory.ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.master = master;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > CACHE_SIZE;
            }
        };
    }

    MasterKey master() {
        return master;
    }

    /**
     * Makes KEK 1 on first start, and checks that the master key opens the active KEK: a
     * different key store than the one this database was made with stops Vigil here.
     */
    @Override
    public void afterPropertiesSet() {
        Integer active = activeVersion();
        if (active == null) {
            newTransaction.executeWithoutResult(status -> {
                if (activeVersion() == null) {
                    insertKek(1);
                }
            });
            return;
        }
        try {
            kek(active);
            settleMasterRotation();
        } catch (MasterKeyUnavailableException e) {
            throw new MasterKeyUnavailableException("the master key (" + master.location()
                    + ") does not open this database's key-encryption keys: it is not the master key this "
                    + "database was made with. Vigil will not start and has changed nothing", e);
        }
    }

    /**
     * Finishes or forgets an interrupted master-key rotation: when this master key is the new one,
     * the new wrappings become the only ones; when it is the old one, the new key store never got
     * into place and its wrappings are dropped.
     */
    void settleMasterRotation() {
        settleMasterRotation(master.alias());
    }

    /** As above, for the master key {@code alias} (the rotation itself, which still holds the old key). */
    void settleMasterRotation(String alias) {
        newTransaction.executeWithoutResult(status -> {
            int promoted = jdbc.sql("""
                    UPDATE keys_kek SET master_alias = next_master_alias, wrapped_key = next_wrapped_key,
                        next_master_alias = NULL, next_wrapped_key = NULL
                    WHERE next_master_alias = ?""").param(alias).update();
            int dropped = jdbc.sql("UPDATE keys_kek SET next_master_alias = NULL, next_wrapped_key = NULL "
                    + "WHERE next_master_alias IS NOT NULL").update();
            if (promoted > 0 || dropped > 0) {
                org.slf4j.LoggerFactory.getLogger(KeyHierarchy.class).info(
                        "Settled an interrupted master-key rotation: {} KEK wrapping(s) made final, {} dropped",
                        promoted, dropped);
            }
        });
    }

    /** Wraps every KEK also under {@code next}, in one transaction (step 1 of a master-key rotation). */
    int wrapKeksAlsoUnder(MasterKey next) {
        return newTransaction.execute(status -> {
            int count = 0;
            for (int version : versions()) {
                SecretKey kek = kek(version);
                byte[] wrapped = next.seal(kekContext(version, next.alias()), kek.getEncoded());
                count += jdbc.sql("UPDATE keys_kek SET next_master_alias = ?, next_wrapped_key = ? WHERE version = ?")
                        .params(next.alias(), encode(wrapped), version).update();
            }
            return count;
        });
    }

    Integer activeVersion() {
        return jdbc.sql("SELECT MAX(version) FROM keys_kek").query(Integer.class).optional().orElse(null);
    }

    int insertKek(int version) {
        SecretKey key = AesGcm.newKey();
        byte[] wrapped = master.seal(kekContext(version, master.alias()), key.getEncoded());
        jdbc.sql("INSERT INTO keys_kek (version, master_alias, wrapped_key, created_at) VALUES (?, ?, ?, ?)")
                .params(version, master.alias(), encode(wrapped), now())
                .update();
        keks.put(version, key);
        return version;
    }

    SecretKey kek(int version) {
        SecretKey cached = keks.get(version);
        if (cached != null) {
            return cached;
        }
        var stored = jdbc.sql("SELECT master_alias, wrapped_key, next_master_alias, next_wrapped_key FROM keys_kek WHERE version = ?")
                .param(version)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .optional()
                .orElseThrow(() -> new DecryptionFailedException("key-encryption key " + version + " is gone"));
        // during a master-key rotation the KEK is wrapped under both keys: use the one this master key opens
        String[] row = master.alias().equals(stored[2]) && stored[3] != null
                ? new String[] {stored[2], stored[3]} : stored;
        try {
            SecretKey key = AesGcm.key(master.open(kekContext(version, row[0]), decode(row[1])));
            keks.put(version, key);
            return key;
        } catch (TamperedCiphertextException e) {
            throw new MasterKeyUnavailableException("key-encryption key " + version
                    + " does not unwrap under the master key " + master.location(), e);
        }
    }

    /** The data key of an object, made (and committed at once, on its own) on first use. */
    public DataKey dataKeyFor(String purpose, String objectId) {
        String objectKey = purpose + "\u0000" + objectId;
        DataKey cached = dataKeysByObject.get(objectKey);
        if (cached != null) {
            return cached;
        }
        DataKey key = findDataKey(purpose, objectId).orElseGet(() -> createDataKey(purpose, objectId));
        remember(key);
        return key;
    }

    private Optional<DataKey> findDataKey(String purpose, String objectId) {
        return jdbc.sql("SELECT id, kek_version, wrapped_key FROM keys_data_key WHERE purpose = ? AND object_id = ?")
                .params(purpose, objectId)
                .query((rs, n) -> unwrap(rs.getString(1), purpose, objectId, rs.getInt(2), rs.getString(3)))
                .optional();
    }

    private DataKey createDataKey(String purpose, String objectId) {
        SecretKey key = AesGcm.newKey();
        String id = UUID.randomUUID().toString();
        try {
            // its own transaction: a key must be durable before anything is encrypted under it,
            // even when the caller's transaction later rolls back
            newTransaction.executeWithoutResult(status -> {
                int version = activeVersion();
                jdbc.sql("""
                        INSERT INTO keys_data_key (id, purpose, object_id, kek_version, wrapped_key, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                        .params(id, purpose, objectId, version, wrapDataKey(id, purpose, objectId, version, key), now())
                        .update();
            });
            return new DataKey(id, purpose, objectId, key);
        } catch (DuplicateKeyException e) {
            // another thread or node made it first
            return findDataKey(purpose, objectId).orElseThrow(() -> e);
        }
    }

    /** A data key by its id, checked to belong to {@code purpose} and {@code objectId}. */
    public DataKey dataKey(String id, String purpose, String objectId) {
        DataKey key = dataKeysById.get(id);
        if (key == null) {
            key = jdbc.sql("SELECT purpose, object_id, kek_version, wrapped_key FROM keys_data_key WHERE id = ?")
                    .param(id)
                    .query((rs, n) -> unwrap(id, rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)))
                    .optional()
                    .orElseThrow(() -> new DecryptionFailedException("data key " + id
                            + " does not exist (the object was forgotten, or the value was not made by this Vigil)"));
            remember(key);
        }
        if (!key.purpose().equals(purpose) || !key.objectId().equals(objectId)) {
            throw new DecryptionFailedException("ciphertext belongs to another object or purpose than "
                    + purpose + " " + objectId);
        }
        return key;
    }

    public void forget(String purpose, String objectId) {
        jdbc.sql("DELETE FROM keys_data_key WHERE purpose = ? AND object_id = ?").params(purpose, objectId).update();
        DataKey removed = dataKeysByObject.remove(purpose + "\u0000" + objectId);
        if (removed != null) {
            dataKeysById.remove(removed.id());
        }
        dataKeysById.values().removeIf(k -> k.purpose().equals(purpose) && k.objectId().equals(objectId));
    }

    private void remember(DataKey key) {
        dataKeysById.put(key.id(), key);
        dataKeysByObject.put(key.purpose() + "\u0000" + key.objectId(), key);
    }

    DataKey unwrap(String id, String purpose, String objectId, int kekVersion, String wrapped) {
        try {
            byte[] raw = AesGcm.open(kek(kekVersion), dataKeyContext(id, purpose, objectId, kekVersion), decode(wrapped));
            return new DataKey(id, purpose, objectId, AesGcm.key(raw));
        } catch (TamperedCiphertextException e) {
            throw new DecryptionFailedException("data key " + id + " does not unwrap: its row was altered", e);
        }
    }

    String wrapDataKey(String id, String purpose, String objectId, int kekVersion, SecretKey key) {
        return encode(AesGcm.seal(kek(kekVersion), dataKeyContext(id, purpose, objectId, kekVersion), key.getEncoded()));
    }

    byte[] unwrapPrivate(String id, int kekVersion, String wrapped) {
        try {
            return AesGcm.open(kek(kekVersion), signingKeyContext(id, kekVersion), decode(wrapped));
        } catch (TamperedCiphertextException e) {
            throw new DecryptionFailedException("signing key " + id + " does not unwrap: its row was altered", e);
        }
    }

    String wrapPrivate(String id, int kekVersion, byte[] privateKey) {
        return encode(AesGcm.seal(kek(kekVersion), signingKeyContext(id, kekVersion), privateKey));
    }

    static byte[] kekContext(int version, String masterAlias) {
        return new CanonicalRecord().string("vigil.kek.v1").number(version).string(masterAlias).toByteArray();
    }

    static byte[] dataKeyContext(String id, String purpose, String objectId, int kekVersion) {
        return new CanonicalRecord().string("vigil.data-key.v1").string(id).string(purpose).string(objectId)
                .number(kekVersion).toByteArray();
    }

    static byte[] signingKeyContext(String id, int kekVersion) {
        return new CanonicalRecord().string("vigil.signing-key.v1").string(id).number(kekVersion).toByteArray();
    }

    List<Integer> versions() {
        return jdbc.sql("SELECT version FROM keys_kek ORDER BY version").query(Integer.class).list();
    }

    java.time.OffsetDateTime now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] decode(String text) {
        return Base64.getDecoder().decode(text);
    }
}
