package eu.vigil.core.csaf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Date;
import java.util.HexFormat;
import java.util.Iterator;

import eu.vigil.core.InvalidInputException;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * The CSAF provider's OpenPGP key (Bouncy Castle): an RSA-3072 signing key, made once, that signs
 * each published advisory with a detached, ASCII-armoured signature ({@code .asc}, CSAF 2.0
 * section 7.1.18) which {@code gpg --verify} accepts. The secret key is exported without a
 * passphrase so that the caller can seal it with its own envelope encryption.
 */
public final class OpenPgpSigner {

    private final PGPSecretKeyRing secretRing;
    private final PGPPrivateKey privateKey;

    private OpenPgpSigner(PGPSecretKeyRing secretRing) {
        this.secretRing = secretRing;
        try {
            this.privateKey = secretRing.getSecretKey()
                    .extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
                            .build(new char[0]));
        } catch (PGPException e) {
            throw new InvalidInputException("cannot open the OpenPGP secret key: " + e.getMessage(), e);
        }
    }

    /** Makes a new key for a user id such as {@code "Example PSIRT <psirt@example.com>"}. */
    public static OpenPgpSigner generate(String userId) {
        try {
            RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
            generator.init(new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), new SecureRandom(), 3072, 80));
            PGPKeyPair pair = new BcPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, generator.generateKeyPair(), new Date());
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setKeyFlags(true, KeyFlags.SIGN_DATA | KeyFlags.CERTIFY_OTHER);
            hashed.setPreferredHashAlgorithms(false, new int[] {HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256});
            hashed.setPreferredSymmetricAlgorithms(false, new int[] {SymmetricKeyAlgorithmTags.AES_256});
            PGPDigestCalculator sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
            PGPKeyRingGenerator ring = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair, userId,
                    sha1, hashed.generate(), null,
                    new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA512),
                    null);
            return new OpenPgpSigner(ring.generateSecretKeyRing());
        } catch (PGPException e) {
            throw new IllegalStateException("OpenPGP key generation failed", e);
        }
    }

    /** Opens a key exported with {@link #exportSecretKey()}. */
    public static OpenPgpSigner load(byte[] secretKeyRing) {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(secretKeyRing))) {
            return new OpenPgpSigner(new PGPSecretKeyRing(in, new BcKeyFingerprintCalculator()));
        } catch (IOException | PGPException e) {
            throw new InvalidInputException("not an OpenPGP secret key: " + e.getMessage(), e);
        }
    }

    /** The secret key ring, binary and unprotected: seal it before storing it. */
    public byte[] exportSecretKey() {
        try {
            return secretRing.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The public key, ASCII-armoured, for the intake page and provider-metadata. */
    public String armoredPublicKey() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armored = ArmoredOutputStream.builder().build(bytes)) {
            publicRing().encode(armored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private PGPPublicKeyRing publicRing() {
        java.util.List<PGPPublicKey> keys = new java.util.ArrayList<>();
        Iterator<PGPPublicKey> it = secretRing.getPublicKeys();
        it.forEachRemaining(keys::add);
        return new PGPPublicKeyRing(keys);
    }

    /** The key's fingerprint, 40 upper-case hex digits. */
    public String fingerprint() {
        PGPSecretKey key = secretRing.getSecretKey();
        return HexFormat.of().withUpperCase().formatHex(key.getPublicKey().getFingerprint());
    }

    /** A detached, ASCII-armoured SHA-512 signature of {@code data}. */
    public String sign(byte[] data) {
        try {
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA512),
                    secretRing.getPublicKey());
            generator.init(PGPSignature.BINARY_DOCUMENT, privateKey);
            generator.update(data);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ArmoredOutputStream armored = ArmoredOutputStream.builder().build(bytes);
                 BCPGOutputStream out = new BCPGOutputStream(armored)) {
                generator.generate().encode(out);
            }
            return bytes.toString(java.nio.charset.StandardCharsets.US_ASCII);
        } catch (PGPException e) {
            throw new IllegalStateException("OpenPGP signing failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
