package eu.vigil.core.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.feeds.csaf.CsafFeedReader;
import eu.vigil.core.feeds.nvd.NvdFeedReader;
import eu.vigil.core.osv.OsvRecordReader;

/**
 * Fuzz tests of the NVD and CSAF feed readers. In a normal build they replay the inputs under
 * {@code FeedFuzzTestsInputs}; {@code JAZZER_FUZZ=1} fuzzes for real. Nothing may escape: a bad
 * document is a problem item, and every record given reads back as OSV.
 */
class FeedFuzzTests {

    @FuzzTest(maxDuration = "2m")
    void nvdDocumentsGiveRecordsOrProblems(byte[] json) {
        check(NvdFeedReader.read(json, "fuzz.json"));
    }

    @FuzzTest(maxDuration = "2m")
    void csafDocumentsGiveRecordsOrProblems(byte[] json) {
        check(CsafFeedReader.read(json, "fuzz.json"));
    }

    @FuzzTest(maxDuration = "1m")
    void cpeNamesParseOrFailCleanly(byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        try {
            CpeName name = CpeName.parse(text);
            assertThat(name.vendor()).isNotEmpty();
            assertThat(name.product()).isNotEmpty();
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static void check(List<FeedRecord> items) {
        for (FeedRecord item : items) {
            if (item.isProblem()) {
                assertThat(item.problem()).isNotBlank();
                assertThat(item.ref()).isNotNull();
            } else {
                assertThat(OsvRecordReader.read(item.osvJson(), "again").id()).isEqualTo(item.record().id());
            }
        }
    }
}
