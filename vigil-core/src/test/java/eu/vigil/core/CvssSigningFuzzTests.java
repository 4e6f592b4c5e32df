package eu.vigil.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.vigil.core.cvss.Cvss;
import eu.vigil.core.cvss.CvssSeverity;
import eu.vigil.core.cvss.CvssVector;
import eu.vigil.core.cvss.CvssVersion;
import eu.vigil.core.signing.SigningKey;
import eu.vigil.core.signing.VerificationKey;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.sec.SECNamedCurves;

/**
 * Fuzz targets of the CVSS parser and the key and signature decoders: only
 * {@link InvalidInputException} may escape, and what parses keeps its invariants. Regression mode
 * (the inputs in CvssSigningFuzzTestsInputs) runs in every build; JAZZER_FUZZ=1 fuzzes for real.
 */
class CvssSigningFuzzTests {

    private static final String[] FRAGMENTS = {
            "CVSS:3.1/", "CVSS:3.0/", "CVSS:4.0/", "(", ")", "/", ":", "AV", "AC", "AT", "PR", "UI", "S", "C", "I",
            "A", "E", "RL", "RC", "CR", "IR", "AR", "MAV", "MAC", "MAT", "MPR", "MUI", "MS", "MC", "MI", "MA", "VC",
            "VI", "VA", "SC", "SI", "SA", "MVC", "MVI", "MVA", "MSC", "MSI", "MSA", "AU", "R", "V", "RE", "U", "Au",
            "CDP", "TD", "N", "L", "H", "P", "X", "R", "U", "O", "T", "W", "F", "M", "ND", "POC", "OF", "TF", "UC",
            "UR", "LM", "MH", "Clear", "Green", "Amber", "Red", "Y", "D"};

    // Fixed keys for the signature targets (tests only; never used for anything else).
    private static final SigningKey ED25519 = SigningKey.fromPem("""
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIPm0I04tqeoosIxhxSbb9JsWG5NprfXKkhmHZN6Krfjj
            -----END PRIVATE KEY-----
            """);
    private static final SigningKey P256 = SigningKey.fromPem("""
            -----BEGIN PRIVATE KEY-----
            MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgA4IUkPk9tw4fxt/b
            os7IMZ+Zw31HcU1E35WSfCCPUsehRANCAATXvR0Txgxbz3zIgOSOX1Q6iawaUgFU
            djX5tOYCBmHSC1H0O3JFU2vGGteUjBlJfHroSnOffKdBUdAAjKRo1dyx
            -----END PRIVATE KEY-----
            """);
    private static final byte[] MESSAGE = "vigil fuzz message".getBytes();
    private static final byte[] ED25519_SIGNATURE = ED25519.sign(MESSAGE);
    private static final byte[] P256_SIGNATURE = P256.sign(MESSAGE);

    @FuzzTest(maxDuration = "2m")
    void cvssVector(FuzzedDataProvider data) {
        checkCvss(data.consumeRemainingAsString());
    }

    /** Vectors assembled from real metric names and values reach far deeper than random text. */
    @FuzzTest(maxDuration = "2m")
    void cvssVectorFromFragments(FuzzedDataProvider data) {
        StringBuilder vector = new StringBuilder();
        int count = data.consumeInt(0, 80);
        for (int index = 0; index < count && data.remainingBytes() > 0; index++) {
            vector.append(data.pickValue(FRAGMENTS));
        }
        checkCvss(vector.toString());
    }

    @FuzzTest(maxDuration = "2m")
    void privateKeyPem(FuzzedDataProvider data) {
        SigningKey key;
        try {
            key = SigningKey.fromPem(data.consumeRemainingAsString());
        } catch (InvalidInputException expected) {
            return;
        }
        SigningKey again = SigningKey.fromPem(key.toPem());
        assertThat(again.verificationKey()).isEqualTo(key.verificationKey());
        assertThat(key.verificationKey().verify(MESSAGE, key.sign(MESSAGE))).isTrue();
    }

    @FuzzTest(maxDuration = "2m")
    void publicKeyPem(FuzzedDataProvider data) {
        VerificationKey key;
        try {
            key = VerificationKey.fromPem(data.consumeString(4096));
        } catch (InvalidInputException expected) {
            return;
        }
        assertThat(VerificationKey.fromPem(key.toPem())).isEqualTo(key);
        key.verify(data.consumeBytes(1024), data.consumeRemainingAsBytes());
    }

    /** Only the signature made for the message verifies (for P-256 also its (r, n − s) twin). */
    @FuzzTest(maxDuration = "2m")
    void signatureBytes(FuzzedDataProvider data) {
        boolean ed25519 = data.consumeBoolean();
        byte[] signature = data.consumeRemainingAsBytes();
        if (ed25519) {
            boolean expected = Arrays.equals(signature, ED25519_SIGNATURE);
            assertThat(ED25519.verificationKey().verify(MESSAGE, signature)).isEqualTo(expected);
        } else {
            boolean expected = Arrays.equals(signature, P256_SIGNATURE) || Arrays.equals(signature, twin(P256_SIGNATURE));
            assertThat(P256.verificationKey().verify(MESSAGE, signature)).isEqualTo(expected);
        }
    }

    private static void checkCvss(String text) {
        CvssVector vector;
        try {
            vector = Cvss.parse(text);
        } catch (InvalidInputException expected) {
            assertThat(expected.getMessage()).isNotBlank().hasSizeLessThan(700);
            return;
        }
        assertThat(vector.vector()).isEqualTo(text);
        assertThat(vector.score()).isBetween(0.0, 10.0);
        assertThat(vector.baseScore()).isBetween(0.0, 10.0);
        assertThat(Math.round(vector.score() * 10) / 10.0).isEqualTo(vector.score());
        CvssVector again = Cvss.parse(vector.normalized());
        assertThat(again).isEqualTo(vector);
        assertThat(again.score()).isEqualTo(vector.score());
        assertThat(again.baseScore()).isEqualTo(vector.baseScore());
        assertThat(again.normalized()).isEqualTo(vector.normalized());
        if (vector.version() != CvssVersion.V2_0) {
            assertThat(vector.severity() == CvssSeverity.NONE).isEqualTo(vector.score() == 0);
        } else {
            assertThat(vector.severity()).isNotIn(CvssSeverity.NONE, CvssSeverity.CRITICAL);
        }
    }

    private static byte[] twin(byte[] signature) {
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(signature);
            BigInteger r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
            BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
            BigInteger n = SECNamedCurves.getByName("secp256r1").getN();
            return new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(n.subtract(s))}).getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
