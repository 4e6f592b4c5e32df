package eu.vigil.core.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * ECDSA signing over P-256 of the SHA-256 of the data, with the DER signature of {@code openssl dgst
 * -sha256 -sign}. The file is hashed by the JDK (SHA-NI intrinsics); the curve arithmetic is Bouncy
 * Castle's, with deterministic nonces (RFC 6979). Verification is {@link EcdsaP256Verifier}.
 */
final class EcdsaP256 {

    static final X9ECParameters CURVE = CustomNamedCurves.getByOID(SECObjectIdentifiers.secp256r1);
    static final ECNamedDomainParameters DOMAIN = new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1, CURVE);

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

    private static byte[] sha256(Message message) throws IOException {
        MessageDigest sha256 = Digests.sha256();
        message.feed(sha256);
        return sha256.digest();
    }
}
