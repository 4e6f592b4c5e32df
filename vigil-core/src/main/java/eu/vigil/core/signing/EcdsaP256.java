package eu.vigil.core.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;

/**
 * ECDSA over P-256 of the SHA-256 of the data, with the DER signature of {@code openssl dgst
 * -sha256 -sign}. The file is hashed by the JDK (SHA-NI intrinsics); the curve arithmetic is Bouncy
 * Castle's (its P-256 is several times faster than the JDK's), with deterministic nonces (RFC 6979).
 */
final class EcdsaP256 {

    static final X9ECParameters CURVE = CustomNamedCurves.getByOID(SECObjectIdentifiers.secp256r1);
    static final ECNamedDomainParameters DOMAIN = new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1, CURVE);

    /** A DER SEQUENCE of two INTEGERs below 2^256 takes at most 72 bytes. */
    private static final int MAX_SIGNATURE_SIZE = 72;

    private EcdsaP256() {
    }

    static byte[] sign(BigInteger privateKey, Message message) throws IOException {
        byte[] digest = sha256(message);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(privateKey, DOMAIN));
        BigInteger[] rs = signer.generateSignature(digest);
        try {
            return new DERSequence(new ASN1Integer[] {new ASN1Integer(rs[0]), new ASN1Integer(rs[1])})
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding of two integers", e);
        }
    }

    static boolean verify(ECPoint publicKey, Message message, byte[] signature) throws IOException {
        BigInteger[] rs = decodeSignature(signature);
        if (rs == null) {
            return false;
        }
        byte[] digest = sha256(message);
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(publicKey, DOMAIN));
        return verifier.verifySignature(digest, rs[0], rs[1]);
    }

    /** r and s of a strictly DER-encoded signature (as openssl requires), or null. */
    static BigInteger[] decodeSignature(byte[] signature) {
        if (signature.length < 8 || signature.length > MAX_SIGNATURE_SIZE) {
            return null;
        }
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(signature));
            if (sequence.size() != 2) {
                return null;
            }
            BigInteger r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
            BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
            if (!Arrays.equals(sequence.getEncoded(ASN1Encoding.DER), signature)) {
                return null;
            }
            return new BigInteger[] {r, s};
        } catch (IOException | RuntimeException e) {
            return null; // not a signature at all
        }
    }

    private static byte[] sha256(Message message) throws IOException {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            message.feed(sha256);
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
