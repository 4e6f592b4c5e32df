package eu.vigil.core.feeds.nvd;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.vigil.core.InvalidInputException;
import eu.vigil.core.feeds.FeedRecord;
import eu.vigil.core.feeds.FileFeedReader;

/**
 * NVD CVE API 2.0 JSON files (an API response or a 2.0 data-feed file: an object whose
 * {@code vulnerabilities} array holds {@code {"cve": {...}}} items; {@code .json}, {@code .json.gz},
 * or zips of them), and single CVE objects as some mirrors store them one per file. The array is
 * streamed: one CVE is in memory at a time, whatever the file's size. A CVE that cannot be
 * converted is a problem named by its id; one that breaks the JSON ends the file with a problem.
 */
public final class NvdFeedReader extends FileFeedReader {

    /** Larger than any single CVE item NVD has published. */
    static final int MAX_STRING = 4 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(MAX_STRING)
                    .maxNumberLength(100).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    public NvdFeedReader(List<Path> paths) {
        super(paths);
    }

    /** Reads the CVEs of one document from bytes (for tests and fuzzing). */
    public static List<FeedRecord> read(byte[] json, String source) {
        List<FeedRecord> records = new java.util.ArrayList<>();
        Items items = new CveItems(() -> new java.io.ByteArrayInputStream(json), source);
        for (FeedRecord r = items.next(true); r != null; r = items.next(true)) {
            records.add(r);
        }
        items.close();
        return records;
    }

    @Override
    protected Items open(Opener opener, String source) {
        return new CveItems(opener, source);
    }

    /** Walks one document: finds the {@code vulnerabilities} array and gives its items one by one. */
    private static final class CveItems implements Items {

        private final Opener opener;
        private final String source;
        private InputStream in;
        private JsonParser parser;
        private boolean inArray;
        private boolean ended;
        private int index;

        CveItems(Opener opener, String source) {
            this.opener = opener;
            this.source = source;
        }

        @Override
        public FeedRecord next(boolean convert) {
            if (ended) {
                return null;
            }
            try {
                if (parser == null) {
                    in = opener.open();
                    parser = JSON.createParser(in);
                    if (parser.nextToken() != JsonToken.START_OBJECT) {
                        return end(FeedRecord.problem(source, "not an NVD CVE API 2.0 document: a JSON object was expected"));
                    }
                    JsonNode single = findArray();
                    if (single != null) {
                        ended = true;
                        return convert ? NvdToOsv.convert(single, source) : SKIPPED;
                    }
                    if (!inArray) {
                        return end(FeedRecord.problem(source,
                                "not an NVD CVE API 2.0 document: no \"vulnerabilities\" array"));
                    }
                }
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_ARRAY) {
                    return end(null);
                }
                if (token != JsonToken.START_OBJECT) {
                    return end(FeedRecord.problem(source + " vulnerabilities[" + index + "]",
                            "not an NVD CVE API 2.0 document: each item of \"vulnerabilities\" must be an object"));
                }
                int at = index++;
                if (!convert) {
                    parser.skipChildren();
                    return SKIPPED;
                }
                JsonNode item = JSON.readTree(parser);
                JsonNode cve = item.get("cve");
                if (cve == null || !cve.isObject()) {
                    return FeedRecord.problem(source + " vulnerabilities[" + at + "]", "the item has no \"cve\" object");
                }
                return NvdToOsv.convert(cve, source + " vulnerabilities[" + at + "]");
            } catch (JsonProcessingException e) {
                return end(FeedRecord.problem(source + (inArray ? " vulnerabilities[" + index + "]" : ""),
                        "not readable JSON, the rest of the file is skipped: " + e.getOriginalMessage()));
            } catch (IOException e) {
                return end(FeedRecord.problem(source, "cannot read: " + e.getMessage()));
            } catch (InvalidInputException e) {
                return FeedRecord.problem(source + " vulnerabilities[" + (index - 1) + "]", e.getMessage());
            }
        }

        /**
         * Moves to the first item of the top-level {@code vulnerabilities} array; or, when the
         * document is itself one CVE (it has {@code id} and {@code descriptions}), returns it.
         */
        private JsonNode findArray() throws IOException {
            com.fasterxml.jackson.databind.node.ObjectNode top = JSON.createObjectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("vulnerabilities") && value == JsonToken.START_ARRAY) {
                    inArray = true;
                    return null;
                }
                // the small fields of a response (resultsPerPage, timestamp ...), or all of a bare CVE
                top.set(field, JSON.readTree(parser));
            }
            return top.has("id") && top.has("descriptions") ? top : null;
        }

        private FeedRecord end(FeedRecord last) {
            ended = true;
            close();
            return last;
        }

        @Override
        public void close() {
            try {
                if (parser != null) {
                    parser.close();
                }
                if (in != null) {
                    in.close();
                }
            } catch (IOException ignored) {
                // read-only
            }
        }
    }
}
