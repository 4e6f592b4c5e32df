package eu.vigil.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.crypto.SecretKey;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.vigil.core.crypto.AesGcm;
import eu.vigil.core.crypto.ChunkedGcm;
import eu.vigil.core.crypto.TamperedCiphertextException;
import eu.vigil.core.syslog.OctetCountingFraming;
import eu.vigil.core.syslog.Rfc5424Formatter;
import eu.vigil.core.syslog.Rfc5424Parser;
import eu.vigil.core.syslog.SyslogMessage;

/** The parsers of the data-security area under Jazzer: only their own, clear errors, never a crash. */
class DataSecurityFuzzTests {

    private static final SecretKey KEY = AesGcm.key(new byte[32]);

    @FuzzTest(maxDuration = "30s")
    void syslogParser(FuzzedDataProvider data) {
        String input = data.consumeRemainingAsString();
        SyslogMessage message;
        try {
            message = Rfc5424Parser.parse(input);
        } catch (InvalidInputException expected) {
            return;
        }
        // whatever parses is written back to the same message
        assertThat(Rfc5424Parser.parse(Rfc5424Formatter.format(message))).isEqualTo(message);
    }

    @FuzzTest(maxDuration = "30s")
    void syslogFraming(FuzzedDataProvider data) throws IOException {
        OctetCountingFraming.Reader reader = new OctetCountingFraming.Reader(
                new ByteArrayInputStream(data.consumeRemainingAsBytes()), 4096);
        try {
            for (int i = 0; i < 1000 && reader.next() != null; i++) {
                // read every frame
            }
        } catch (InvalidInputException expected) {
            // refused clearly
        }
    }

    @FuzzTest(maxDuration = "30s")
    void encryptedStreamReader(FuzzedDataProvider data) throws IOException {
        byte[] aad = data.consumeBytes(8);
        byte[] ciphertext = data.consumeRemainingAsBytes();
        try (InputStream in = ChunkedGcm.decrypting(new ByteArrayInputStream(ciphertext), KEY, aad)) {
            in.readAllBytes();
        } catch (TamperedCiphertextException expected) {
            // refused clearly
        }
    }
}
