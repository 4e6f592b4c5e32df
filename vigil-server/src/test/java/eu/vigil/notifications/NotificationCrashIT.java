package eu.vigil.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import eu.vigil.notifications.internal.WebhookSignature;
import eu.vigil.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a delivery loses nothing: a Vigil in a child process is killed with
 * SIGKILL while its webhook call hangs at the receiver; the next Vigil on the same data delivers
 * the notice once the dead node's lease has run out.
 */
class NotificationCrashIT {

    @TempDir
    Path data;

    private Process start(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), NotificationCrashChild.class.getName(), data.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(data.resolveSibling(data.getFileName() + "-child.err").toFile())
                .start();
    }

    @Test
    void aNodeKilledMidDeliveryLeavesTheNoticeToTheNext() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            var arrived = receiver.holdNext();
            Process first = start("publish", receiver.url("/crash"));
            String secret = null;
            BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream()));
            String line;
            while ((line = out.readLine()) != null && !line.equals("PUBLISHED")) {
                if (line.startsWith("SECRET ")) {
                    secret = line.substring(7);
                }
            }
            assertThat(line).as("the child published the notice (see the -child.err file)").isEqualTo("PUBLISHED");
            assertThat(secret).as("the child subscribed a webhook").isNotNull();
            assertThat(arrived.await(60, TimeUnit.SECONDS)).as("the call reached the receiver").isTrue();
            first.destroyForcibly(); // SIGKILL on Linux, while the call hangs unanswered
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).isEqualTo(137);
            receiver.release();
            assertThat(receiver.received()).isEmpty();

            Process second = start("deliver");
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(second.getInputStream()))) {
                for (String next; (next = reader.readLine()) != null; ) {
                    lines.add(next);
                }
            }
            assertThat(second.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(lines.getLast()).isEqualTo("OK [SENT 2]");
            assertThat(receiver.received()).hasSize(1);
            WebhookReceiver.Received call = receiver.received().getFirst();
            assertThat(call.text()).contains("\"key\":\"crash:1\"");
            assertThat(WebhookSignature.verify(secret, call.body(), call.header(WebhookSignature.SIGNATURE_HEADER))).isTrue();
        }
    }
}
