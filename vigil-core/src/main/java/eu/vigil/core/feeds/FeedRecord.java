package eu.vigil.core.feeds;

import eu.vigil.core.osv.OsvVulnerability;

/**
 * One item of a feed: a record in OSV JSON with its parsed form, or a problem that kept an item out.
 *
 * @param ref     the record id when known, else the file or zip entry it came from
 * @param osvJson the record as OSV JSON (null for a problem)
 * @param record  the record as read back from {@code osvJson} (null for a problem)
 * @param problem why the item was skipped (null for a record)
 */
public record FeedRecord(String ref, byte[] osvJson, OsvVulnerability record, String problem) {

    public static FeedRecord of(byte[] osvJson, OsvVulnerability record) {
        return new FeedRecord(record.id(), osvJson, record, null);
    }

    public static FeedRecord problem(String ref, String message) {
        return new FeedRecord(ref, null, null, message);
    }

    public boolean isProblem() {
        return problem != null;
    }
}
