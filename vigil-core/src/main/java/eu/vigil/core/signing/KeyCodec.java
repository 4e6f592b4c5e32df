package eu.vigil.core.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;

import eu.vigil.core.InvalidInputException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Reads and writes keys in the formats openssl uses: PKCS#8 {@code PRIVATE KEY} (and SEC 1
 * {@code EC PRIVATE KEY} for reading) and SubjectPublicKeyInfo {@code PUBLIC KEY}, in PEM. Only
 * Ed25519 and EC keys on P-256 (named curve) are accepted; DER must be exact (it is re-encoded and
 * compared), and a public key embedded in a private key must match it.
 */
final class KeyCodec {

    private static final AlgorithmIdentifier ED25519 = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);
    private static final AlgorithmIdentifier EC_P256 =
            new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp256r1);

    private KeyCodec() {
    }

    /** A decoded private key: the Ed25519 seed or the P-256 scalar. */
    record PrivateParts(SignatureAlgorithm algorithm, byte[] seed, BigInteger scalar) {
    }

    static PrivateParts decodePrivate(String pemText, String what) {
        Pem pem = Pem.decode(pemText, what, "EC PARAMETERS");
        try {
            return switch (pem.label()) {
                case "PRIVATE KEY" -> decodePkcs8(pem.der(), what);
                case "EC PRIVATE KEY" -> decodeSec1(pem.der(), null, what);
                case "PUBLIC KEY" -> throw new InvalidInputException(what + " is a public key; signing needs the private key");
                case "ENCRYPTED PRIVATE KEY" -> throw new InvalidInputException(what
                        + " is an encrypted private key; decrypt it first, e.g. openssl pkey -in KEY -out PLAIN");
                default -> throw new InvalidInputException(what + " is a PEM \"" + pem.label()
                        + "\" block, not a private key (expected PRIVATE KEY or EC PRIVATE KEY)");
            };
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(what + " is not a valid private key: " + e.getMessage(), e);
        }
    }

    /**
     * Parses a SubjectPublicKeyInfo that does not have one of the layouts of {@link SubjectPublicKeys},
     * to say precisely what is wrong with it.
     */
    static SubjectPublicKeyInfo decodePublic(byte[] der, String what) {
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(der);
            requireExactDer(info, der, what);
            return info;
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(what + " is not a valid public key: " + e.getMessage(), e);
        }
    }

    /** The algorithm of a public key, checking its identifier exactly. */
    static SignatureAlgorithm algorithmOf(SubjectPublicKeyInfo info, String what) {
        return algorithmOf(info.getAlgorithm(), what);
    }

    /** The P-256 point of a public key; throws unless it is a valid point other than infinity. */
    static ECPoint ecPoint(byte[] encoded, String what) {
        try {
            ECPoint point = EcdsaP256.CURVE.getCurve().decodePoint(encoded);
            if (point.isInfinity()) {
                throw new InvalidInputException(what + " is the point at infinity, not a public key");
            }
            return point.normalize();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(what + " is not a point on P-256: " + e.getMessage(), e);
        }
    }

    static ECPoint ecPublicPoint(BigInteger scalar) {
        return new FixedPointCombMultiplier().multiply(EcdsaP256.CURVE.getG(), scalar).normalize();
    }

    static String encodePrivate(PrivateParts key, byte[] publicKey) {
        try {
            PrivateKeyInfo info = switch (key.algorithm()) {
                case ED25519 -> new PrivateKeyInfo(ED25519, new DEROctetString(key.seed()));
                case P256 -> new PrivateKeyInfo(EC_P256,
                        new ECPrivateKey(256, key.scalar(), new DERBitString(publicKey), null));
            };
            return new Pem("PRIVATE KEY", info.getEncoded(ASN1Encoding.DER)).encode();
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding of a private key", e);
        }
    }


    /** The DER SubjectPublicKeyInfo of a raw public key. */
    static byte[] publicDer(SignatureAlgorithm algorithm, byte[] publicKey) {
        return SubjectPublicKeys.encode(algorithm, publicKey);
    }

    private static PrivateParts decodePkcs8(byte[] der, String what) throws IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(der);
        requireExactDer(info, der, what);
        SignatureAlgorithm algorithm = algorithmOf(info.getPrivateKeyAlgorithm(), what);
        if (algorithm == SignatureAlgorithm.ED25519) {
            byte[] seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
            if (seed.length != PureEd25519.KEY_SIZE) {
                throw new InvalidInputException(what + " has an Ed25519 key of " + seed.length + " bytes, not 32");
            }
            if (info.getPublicKeyData() != null
                    && !Arrays.equals(info.getPublicKeyData().getOctets(), PureEd25519.publicKey(seed))) {
                throw new InvalidInputException(what + " carries a public key that does not belong to its private key");
            }
            return new PrivateParts(algorithm, seed, null);
        }
        return decodeSec1(info.parsePrivateKey().toASN1Primitive().getEncoded(ASN1Encoding.DER),
                SECObjectIdentifiers.secp256r1, what);
    }

    /** An ECPrivateKey (SEC 1 §C.4), on P-256 by its own parameters or by those around it. */
    private static PrivateParts decodeSec1(byte[] der, ASN1ObjectIdentifier curveFromContainer, String what)
            throws IOException {
        ECPrivateKey key = ECPrivateKey.getInstance(der);
        if (curveFromContainer == null) {
            requireExactDer(key, der, what);
        }
        ASN1Encodable parameters = key.getParametersObject();
        if (parameters == null && curveFromContainer == null) {
            throw new InvalidInputException(what + " does not name its curve (only P-256 is supported)");
        }
        if (parameters != null && !SECObjectIdentifiers.secp256r1.equals(parameters.toASN1Primitive())) {
            throw new InvalidInputException(what + " is an EC key on another curve than P-256 (" + parameters + ")");
        }
        BigInteger scalar = key.getKey();
        if (scalar.signum() <= 0 || scalar.compareTo(EcdsaP256.CURVE.getN()) >= 0) {
            throw new InvalidInputException(what + " has a P-256 private key out of range");
        }
        if (key.getPublicKey() != null
                && !ecPoint(key.getPublicKey().getOctets(), what).equals(ecPublicPoint(scalar))) {
            throw new InvalidInputException(what + " carries a public key that does not belong to its private key");
        }
        return new PrivateParts(SignatureAlgorithm.P256, null, scalar);
    }

    private static SignatureAlgorithm algorithmOf(AlgorithmIdentifier identifier, String what) {
        ASN1ObjectIdentifier oid = identifier.getAlgorithm();
        if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
            if (identifier.getParameters() != null) {
                throw new InvalidInputException(what + " has parameters in its Ed25519 algorithm identifier (RFC 8410 forbids them)");
            }
            return SignatureAlgorithm.ED25519;
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
            ASN1Encodable curve = identifier.getParameters();
            if (curve == null || !SECObjectIdentifiers.secp256r1.equals(curve.toASN1Primitive())) {
                throw new InvalidInputException(what + " is an EC key on another curve than P-256 ("
                        + (curve == null ? "no curve named" : curve) + ")");
            }
            return SignatureAlgorithm.P256;
        }
        throw new InvalidInputException(what + " is a key of algorithm " + oid.getId()
                + "; supported are Ed25519 (1.3.101.112) and EC P-256 (1.2.840.10045.2.1 with prime256v1)");
    }

    private static void requireExactDer(ASN1Object object, byte[] der, String what) throws IOException {
        if (!Arrays.equals(object.getEncoded(ASN1Encoding.DER), der)) {
            throw new InvalidInputException(what + " is not DER-encoded exactly (extra or non-canonical bytes)");
        }
    }
}
