package eu.vigil.keys.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import eu.vigil.keys.DecryptionFailedException;
import eu.vigil.keys.SigningKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Signing keys in {@code keys_signing_key}: public key in the clear, PKCS#8 private key wrapped by a KEK. */
@Component
class JdbcSigningKeys implements SigningKeys {

    private final JdbcClient jdbc;
    private final KeyHierarchy keys;
    private final TransactionTemplate newTransaction;
    private final Map<String, PrivateKey> privateKeys = new ConcurrentHashMap<>();
    private final Map<String, PublicKey> publicKeys = new ConcurrentHashMap<>();

    JdbcSigningKeys(JdbcClient jdbc, KeyHierarchy keys, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private record Current(String id, Algorithm algorithm, int kek, String wrapped) {
    }

    @Override
    public Signed sign(String purpose, Algorithm algorithm, byte[] data) {
        Current current = current(purpose).orElseGet(() -> {
            renew(purpose, algorithm);
            return current(purpose).orElseThrow();
        });
        PrivateKey key = privateKeys.computeIfAbsent(current.id(), id -> {
            byte[] pkcs8 = keys.unwrapPrivate(id, current.kek(), current.wrapped());
            try {
                return KeyFactory.getInstance(current.algorithm().keyAlgorithm())
                        .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException e) {
                throw new DecryptionFailedException("signing key " + id + " cannot be read", e);
            } finally {
                Arrays.fill(pkcs8, (byte) 0);
            }
        });
        try {
            Signature signature = Signature.getInstance(current.algorithm().signatureAlgorithm());
            signature.initSign(key);
            signature.update(data);
            return new Signed(current.id(), current.algorithm(), signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + current.id(), e);
        }
    }

    private java.util.Optional<Current> current(String purpose) {
        return jdbc.sql("""
                SELECT id, algorithm, kek_version, wrapped_private FROM keys_signing_key
                WHERE purpose = ? AND retired_at IS NULL ORDER BY created_at DESC, id FETCH FIRST 1 ROWS ONLY""")
                .param(purpose)
                .query((rs, n) -> new Current(rs.getString(1), Algorithm.valueOf(rs.getString(2)), rs.getInt(3),
                        rs.getString(4)))
                .optional();
    }

    @Override
    public boolean verify(String keyId, byte[] data, byte[] signatureBytes) {
        PublicKeyInfo info = publicKeys().stream().filter(k -> k.keyId().equals(keyId)).findFirst().orElse(null);
        if (info == null) {
            return false;
        }
        PublicKey key = publicKeys.computeIfAbsent(keyId, id -> decodePublic(info));
        try {
            Signature signature = Signature.getInstance(info.algorithm().signatureAlgorithm());
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (java.security.SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot verify with " + keyId, e);
        }
    }

    private static PublicKey decodePublic(PublicKeyInfo info) {
        String base64 = info.pem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(info.algorithm().keyAlgorithm())
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored public key " + info.keyId() + " cannot be read", e);
        }
    }

    @Override
    public String publicKeyPem(String keyId) {
        return publicKeys().stream().filter(k -> k.keyId().equals(keyId)).findFirst()
                .map(PublicKeyInfo::pem)
                .orElseThrow(() -> new IllegalArgumentException("no signing key " + keyId));
    }

    @Override
    public PublicKeyInfo renew(String purpose, Algorithm algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.keyAlgorithm());
            if (algorithm == Algorithm.ECDSA_P256) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            }
            KeyPair pair = generator.generateKeyPair();
            String id = UUID.randomUUID().toString();
            newTransaction.executeWithoutResult(status -> {
                jdbc.sql("UPDATE keys_signing_key SET retired_at = ? WHERE purpose = ? AND retired_at IS NULL")
                        .params(keys.now(), purpose).update();
                int version = keys.activeVersion();
                byte[] pkcs8 = pair.getPrivate().getEncoded();
                jdbc.sql("""
                        INSERT INTO keys_signing_key (id, purpose, algorithm, public_key, kek_version, wrapped_private, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                        .params(id, purpose, algorithm.name(), Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                                version, keys.wrapPrivate(id, version, pkcs8), keys.now())
                        .update();
                Arrays.fill(pkcs8, (byte) 0);
            });
            return publicKeys().stream().filter(k -> k.keyId().equals(id)).findFirst().orElseThrow();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a " + algorithm + " key pair", e);
        }
    }

    @Override
    public List<PublicKeyInfo> publicKeys() {
        return jdbc.sql("SELECT id, purpose, algorithm, public_key, created_at, retired_at FROM keys_signing_key ORDER BY created_at")
                .query((rs, n) -> new PublicKeyInfo(rs.getString(1), rs.getString(2), Algorithm.valueOf(rs.getString(3)),
                        pem(rs.getString(4)), rs.getObject(5, java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject(6) != null))
                .list();
    }

    static String pem(String base64Der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(Base64.getDecoder().decode(base64Der));
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

}
