package eu.vigil.vulndb.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import eu.vigil.core.osv.OsvVulnerability;

/**
 * Decoded records by id, least recently used first out, bounded by their estimated heap size. An
 * entry is returned only for the content hash it was decoded from, so a record another node
 * replaced is never served stale; this node's own writes also drop their entries at once.
 */
final class DecodedRecords {

    private record Entry(String contentHash, OsvVulnerability record, int weight) {
    }

    private final long budget;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private long weight;
    private long hits;
    private long misses;

    /** @param budget the most heap, in bytes by {@link #estimate}, the kept records may take; 0 keeps nothing */
    DecodedRecords(long budget) {
        this.budget = budget;
    }

    /** The record decoded from this content, or null. */
    synchronized OsvVulnerability get(String id, String contentHash) {
        Entry e = entries.get(id);
        if (e != null && e.contentHash().equals(contentHash)) {
            hits++;
            return e.record();
        }
        misses++;
        return null;
    }

    /**
     * The heap a decoded record keeps, from the size of its JSON: measured at 966 bytes for records
     * of 420 bytes (benchmark corpus, ranges and aliases, no details); records with long details
     * keep less than this, since details are not decoded.
     */
    static int estimate(int jsonBytes) {
        return 2 * jsonBytes + 200;
    }

    synchronized void put(String id, String contentHash, OsvVulnerability record, int jsonBytes) {
        int size = estimate(jsonBytes);
        if (size > budget || contentHash == null) {
            return;
        }
        Entry old = entries.put(id, new Entry(contentHash, record, size));
        weight += size - (old == null ? 0 : old.weight());
        var it = entries.entrySet().iterator();
        while (weight > budget && it.hasNext()) {
            Map.Entry<String, Entry> eldest = it.next();
            weight -= eldest.getValue().weight();
            it.remove();
        }
    }

    synchronized void forget(Collection<String> ids) {
        for (String id : ids) {
            Entry e = entries.remove(id);
            if (e != null) {
                weight -= e.weight();
            }
        }
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized long weight() {
        return weight;
    }

    @Override
    public synchronized String toString() {
        return "DecodedRecords[" + entries.size() + " records, " + (weight >> 10) + " KiB of " + (budget >> 10)
                + " KiB, " + hits + " hits, " + misses + " misses]";
    }
}
