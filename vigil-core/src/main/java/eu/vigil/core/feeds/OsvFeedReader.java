package eu.vigil.core.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import eu.vigil.core.InvalidInputException;
import eu.vigil.core.osv.OsvRecordReader;
import eu.vigil.core.osv.OsvVulnerability;

/**
 * OSV records from JSON files, folders and zips as osv.dev publishes them ({@code all.zip},
 * {@code <Ecosystem>/all.zip}), one record per file or entry, each at most
 * {@link OsvRecordReader#MAX_RECORD_BYTES}. Skipping passes over zip entries without inflating them.
 */
public final class OsvFeedReader extends FileFeedReader {

    public OsvFeedReader(List<Path> paths) {
        super(paths);
    }

    @Override
    protected Items open(Opener opener, String source) {
        return new Items() {
            private boolean given;

            @Override
            public FeedRecord next(boolean convert) {
                if (given) {
                    return null;
                }
                given = true;
                return convert ? read(opener, source) : SKIPPED;
            }
        };
    }

    private static FeedRecord read(Opener opener, String source) {
        byte[] json;
        try (InputStream in = opener.open()) {
            json = readLimited(in, OsvRecordReader.MAX_RECORD_BYTES, source);
        } catch (InvalidInputException e) {
            return FeedRecord.problem(source, e.getMessage());
        } catch (IOException e) {
            return FeedRecord.problem(source, "cannot read: " + e.getMessage());
        }
        try {
            OsvVulnerability record = OsvRecordReader.read(json, source);
            return FeedRecord.of(json, record);
        } catch (InvalidInputException e) {
            return FeedRecord.problem(idOf(json, source), e.getMessage());
        }
    }

    /** The record's id for the report when the text still shows one, else where it came from. */
    static String idOf(byte[] json, String source) {
        String text = new String(json, 0, Math.min(json.length, 4096), java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([^\"\\\\]{1,200})\"").matcher(text);
        return m.find() ? m.group(1) : source;
    }
}
