package eu.vigil.core.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Rfc5424ParserTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> cases() throws IOException {
        Path folder = TestData.require("syslog");
        Stream.Builder<Arguments> all = Stream.builder();
        for (String file : List.of("go-syslog-rfc5424-cases.json", "rfc5424-section-6.5-examples.json")) {
            for (JsonNode c : JSON.readTree(folder.resolve(file).toFile()).get("cases")) {
                String comment = c.path("comment").asText(c.path("rfcText").asText(""));
                all.add(Arguments.of(file + ": " + comment + " " + c.get("input").asText(), c));
            }
        }
        return all.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesEveryCaseOfTheSharedTestData(String name, JsonNode c) {
        String input = c.get("input").asText();
        boolean valid = !c.has("valid") || c.get("valid").asBoolean();
        if (!valid) {
            assertThatThrownBy(() -> Rfc5424Parser.parse(input)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("[col ");
            return;
        }
        JsonNode expected = c.get("expected");
        SyslogMessage m = Rfc5424Parser.parse(input);
        assertThat(m.priority()).isEqualTo(expected.get("priority").asInt());
        assertThat(m.facility()).isEqualTo(expected.get("facility").asInt());
        assertThat(m.severity()).isEqualTo(expected.get("severity").asInt());
        assertThat(m.version()).isEqualTo(expected.get("version").asInt());
        assertThat(m.timestamp()).isEqualTo(text(expected, "timestamp"));
        assertThat(m.hostname()).isEqualTo(text(expected, "hostname"));
        assertThat(m.appName()).isEqualTo(text(expected, "appname"));
        assertThat(m.procId()).isEqualTo(text(expected, "procid"));
        assertThat(m.msgId()).isEqualTo(text(expected, "msgid"));
        assertThat(m.message()).isEqualTo(text(expected, "message"));
        if (expected.has("messageIsUtf8WithBOM")) {
            assertThat(m.utf8Bom()).isEqualTo(expected.get("messageIsUtf8WithBOM").asBoolean());
        }
        JsonNode sd = expected.get("structuredData");
        if (sd == null || sd.isNull()) {
            assertThat(m.structuredData()).isNull();
        } else {
            Map<String, Map<String, String>> actual = new LinkedHashMap<>();
            m.structuredData().forEach(e -> {
                Map<String, String> params = new LinkedHashMap<>();
                e.params().forEach(p -> params.put(p.name(), p.value()));
                actual.put(e.id(), params);
            });
            assertThat((Object) JSON.valueToTree(actual)).isEqualTo(sd);
        }
        // what we parse, we write back so that it parses the same
        assertThat(Rfc5424Parser.parse(Rfc5424Formatter.format(m))).isEqualTo(m);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    @Test
    void formatsStructuredDataWithEscapesAndAUtcTimestamp() {
        SyslogMessage m = new SyslogMessage(13, 6, 1, Rfc5424Formatter.timestamp(java.time.Instant.parse("2026-11-28T01:02:03.456789Z")),
                "vigil.example", "vigil", null, "audit",
                List.of(new SyslogMessage.StructuredElement("vigil@32473",
                        List.of(new SyslogMessage.Param("actor", "a\"b]c\\d")))), "entry 7", true);
        String text = Rfc5424Formatter.format(m);
        assertThat(text).isEqualTo("<110>1 2026-11-28T01:02:03.456789Z vigil.example vigil - audit "
                + "[vigil@32473 actor=\"a\\\"b\\]c\\\\d\"] \uFEFFentry 7");
        assertThat(Rfc5424Parser.parse(text)).isEqualTo(m);
    }

    @Test
    void framesByOctetCountingAndReadsLineFramingToo() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OctetCountingFraming.write(out, "<1>1 - - - - - - first\nline");
        OctetCountingFraming.write(out, "<1>1 - - - - - - zweite Zeile ü");
        out.write("<1>1 - - - - - - third\n".getBytes(StandardCharsets.UTF_8));
        OctetCountingFraming.Reader reader = new OctetCountingFraming.Reader(new ByteArrayInputStream(out.toByteArray()), 1000);
        assertThat(reader.next()).isEqualTo("<1>1 - - - - - - first\nline");
        assertThat(reader.next()).isEqualTo("<1>1 - - - - - - zweite Zeile ü");
        assertThat(reader.next()).isEqualTo("<1>1 - - - - - - third");
        assertThat(reader.next()).isNull();
    }

    @Test
    void refusesOversizedAndTruncatedFrames() {
        assertThatThrownBy(() -> new OctetCountingFraming.Reader(
                new ByteArrayInputStream("99999999999 x".getBytes(StandardCharsets.US_ASCII)), 1000).next())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("longer than");
        assertThatThrownBy(() -> new OctetCountingFraming.Reader(
                new ByteArrayInputStream("10 <1>1".getBytes(StandardCharsets.US_ASCII)), 1000).next())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("truncated");
    }
}
