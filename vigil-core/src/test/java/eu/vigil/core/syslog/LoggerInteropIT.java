package eu.vigil.core.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/** The parser and framing reader against a real client: util-linux {@code logger --rfc5424 --tcp}. */
class LoggerInteropIT {

    @org.junit.jupiter.params.ParameterizedTest(name = "logger {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"--rfc5424", "--octet-count"})
    void parsesWhatLoggerSendsOverTcp(String framing) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/logger")),
                "logger (Debian bsdutils) not installed: interoperability test skipped");
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(20_000);
            List<String> command = new ArrayList<>(List.of("logger", "--rfc5424", "--tcp"));
            if (!framing.equals("--rfc5424")) {
                command.add(framing);
            }
            command.addAll(List.of("-n", "127.0.0.1",
                    "-P", Integer.toString(server.getLocalPort()), "-t", "vigil-test", "-p", "auth.warning",
                    "--msgid", "LOGIN", "--sd-id", "login@32473", "--sd-param", "user=\"alice\"",
                    "--sd-param", "reason=\"bad \\\"password\\\" \\]\"", "failed login for alice"));
            Process logger = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<SyslogMessage> messages = new ArrayList<>();
            try (Socket connection = server.accept()) {
                OctetCountingFraming.Reader reader = new OctetCountingFraming.Reader(connection.getInputStream(), 65536);
                for (String frame; (frame = reader.next()) != null; ) {
                    messages.add(Rfc5424Parser.parse(frame));
                }
            }
            assertThat(logger.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(logger.exitValue()).as(new String(logger.getInputStream().readAllBytes())).isZero();
            assertThat(messages).hasSize(1);
            SyslogMessage m = messages.get(0);
            assertThat(m.facility()).isEqualTo(4);
            assertThat(m.severity()).isEqualTo(4);
            assertThat(m.appName()).isEqualTo("vigil-test");
            assertThat(m.msgId()).isEqualTo("LOGIN");
            assertThat(m.message()).isEqualTo("failed login for alice");
            assertThat(m.dateTime()).isNotNull();
            assertThat(m.element("login@32473").value("user")).isEqualTo("alice");
            assertThat(m.element("login@32473").value("reason")).isEqualTo("bad \"password\" ]");
            assertThat(m.element("timeQuality")).isNotNull();
        } catch (IOException e) {
            throw e;
        }
    }
}
