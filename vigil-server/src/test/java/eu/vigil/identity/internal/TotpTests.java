package eu.vigil.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TotpTests {

    private final Totp totp = new Totp();
    /** RFC 6238 appendix B's SHA-1 seed, "12345678901234567890". */
    private final String rfcSecret = Base32.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void matchesTheRfc6238TestVectorsInTheirLastSixDigits() {
        // Appendix B lists 8-digit codes; authenticator apps show the last six.
        assertThat(totp.codeAt(rfcSecret, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(totp.codeAt(rfcSecret, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(totp.codeAt(rfcSecret, Instant.ofEpochSecond(1111111111))).isEqualTo("050471");
        assertThat(totp.codeAt(rfcSecret, Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
        assertThat(totp.codeAt(rfcSecret, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
        assertThat(totp.codeAt(rfcSecret, Instant.ofEpochSecond(20000000000L))).isEqualTo("353130");
    }

    @Test
    void acceptsTheNeighbouringStepsOnlyAndTellsWhichStep() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = now.getEpochSecond() / 30;
        assertThat(totp.matchingStep(rfcSecret, totp.codeAt(rfcSecret, now), now)).hasValue(step);
        assertThat(totp.matchingStep(rfcSecret, totp.codeAt(rfcSecret, now.minusSeconds(30)), now)).hasValue(step - 1);
        assertThat(totp.matchingStep(rfcSecret, totp.codeAt(rfcSecret, now.plusSeconds(30)), now)).hasValue(step + 1);
        assertThat(totp.matchingStep(rfcSecret, totp.codeAt(rfcSecret, now.minusSeconds(90)), now)).isEmpty();
    }

    @Test
    void rejectsMalformedCodes() {
        Instant now = Instant.now();
        assertThat(totp.matchingStep(rfcSecret, null, now)).isEmpty();
        assertThat(totp.matchingStep(rfcSecret, "12345", now)).isEmpty();
        assertThat(totp.matchingStep(rfcSecret, "abcdef", now)).isEmpty();
    }

    @Test
    void newSecretsAre160BitsAndProvisioningUrisNameTheIssuer() {
        String secret = totp.newSecret();
        assertThat(Base32.decode(secret)).hasSize(20);
        assertThat(totp.provisioningUri(secret, "ada")).startsWith("otpauth://totp/Vigil:ada?secret=" + secret)
                .contains("issuer=Vigil").contains("period=30");
    }

    @Test
    void base32RoundTrips() {
        byte[] data = {0, 1, 2, (byte) 0xff, 42, 7, 9};
        assertThat(Base32.decode(Base32.encode(data))).containsExactly(data);
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    }
}
