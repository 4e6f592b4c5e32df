package eu.vigil.core.feeds.csaf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.feeds.FeedRecord;
import eu.vigil.core.feeds.FileFeedReader;

/**
 * CSAF 2.0 documents ({@code .json}, {@code .json.gz}, zips and folders of them), each at most
 * {@value #MAX_DOCUMENT_BYTES} bytes; every vulnerability of a document is one item.
 */
public final class CsafFeedReader extends FileFeedReader {

    /** Far above real advisories (Red Hat's largest run to a few MB). */
    public static final int MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                    .maxStringLength(MAX_DOCUMENT_BYTES).maxNumberLength(100).maxDocumentLength(MAX_DOCUMENT_BYTES).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    public CsafFeedReader(List<Path> paths) {
        super(paths);
    }

    /** The records of one document (for tests and fuzzing). */
    public static List<FeedRecord> read(byte[] json, String source) {
        List<FeedRecord> records = new ArrayList<>();
        Items items = new DocumentItems(() -> new java.io.ByteArrayInputStream(json), source);
        for (FeedRecord r = items.next(true); r != null; r = items.next(true)) {
            records.add(r);
        }
        return records;
    }

    @Override
    protected Items open(Opener opener, String source) {
        return new DocumentItems(opener, source);
    }

    private static final class DocumentItems implements Items {

        private final Opener opener;
        private final String source;
        private CsafToOsv document;
        private int next;
        private int count = -1;

        DocumentItems(Opener opener, String source) {
            this.opener = opener;
            this.source = source;
        }

        @Override
        public FeedRecord next(boolean convert) {
            if (count < 0) {
                try (InputStream in = opener.open()) {
                    byte[] bytes = readLimited(in, MAX_DOCUMENT_BYTES, source);
                    JsonNode root = JSON.readTree(bytes);
                    document = CsafToOsv.of(root, source);
                    count = document.vulnerabilityCount();
                } catch (InvalidInputException e) {
                    count = 0;
                    return FeedRecord.problem(source, e.getMessage());
                } catch (JsonProcessingException e) {
                    count = 0;
                    return FeedRecord.problem(source, source + ": not readable JSON: " + e.getOriginalMessage());
                } catch (IOException e) {
                    count = 0;
                    return FeedRecord.problem(source, "cannot read: " + e.getMessage());
                }
                if (count == 0) {
                    return FeedRecord.problem(document.trackingId(), source + ": the advisory lists no vulnerabilities");
                }
            }
            if (next >= count) {
                return null;
            }
            int index = next++;
            return convert ? document.convert(index) : SKIPPED;
        }
    }
}
