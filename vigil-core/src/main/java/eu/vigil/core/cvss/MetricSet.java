package eu.vigil.core.cvss;

import eu.vigil.core.InvalidInputException;

/**
 * The metrics of one CVSS version: abbreviations in specification order, the values each allows,
 * which are mandatory, and whether the specification fixes their order. Scanning a vector stores,
 * per metric, the index of its value; an absent optional metric keeps index 0, which is therefore
 * always the "Not Defined" value (X, or ND in 2.0).
 *
 * <p>The scanner works on the string in place (no split, no regex, no substring) because it is the
 * hot path of bulk scoring.
 */
final class MetricSet {

    private static final int TABLE_SIZE = 128;

    private final String label;
    private final String[] names;
    private final String[][] values;
    private final long mandatory;
    private final boolean specificationOrder;
    private final int[] tableKeys = new int[TABLE_SIZE];
    private final byte[] tableMetrics = new byte[TABLE_SIZE];

    MetricSet(String label, String[] names, String[][] values, int mandatoryCount, boolean specificationOrder) {
        if (names.length != values.length || names.length > 63) {
            throw new IllegalArgumentException("metric table of " + label);
        }
        this.label = label;
        this.names = names;
        this.values = values;
        this.mandatory = (1L << mandatoryCount) - 1;
        this.specificationOrder = specificationOrder;
        for (int metric = 0; metric < names.length; metric++) {
            int key = pack(names[metric], 0, names[metric].length());
            int slot = slot(key);
            while (tableKeys[slot] != 0) {
                slot = (slot + 1) & (TABLE_SIZE - 1);
            }
            tableKeys[slot] = key;
            tableMetrics[slot] = (byte) metric;
        }
    }

    int size() {
        return names.length;
    }

    String name(int metric) {
        return names[metric];
    }

    String value(int metric, int valueIndex) {
        return values[metric][valueIndex];
    }

    /**
     * Reads the metrics of {@code vector} between {@code from} and {@code to} into {@code into}
     * and returns the bit set of metrics present.
     *
     * @throws InvalidInputException on an empty field, a field without value, an unknown metric
     *         or value, a repeated metric, a metric out of the specification's order (where it
     *         fixes one) or a missing mandatory metric
     */
    long scan(String vector, int from, int to, byte[] into) {
        int length = to;
        long present = 0;
        int previous = -1;
        int position = from;
        while (true) {
            int colon = -1;
            int end = position;
            while (end < length) {
                char c = vector.charAt(end);
                if (c == '/') {
                    break;
                }
                if (c == ':' && colon < 0) {
                    colon = end;
                }
                end++;
            }
            if (end == position) {
                throw invalid(vector, end == length ? "ends with '/'" : "has an empty field", position);
            }
            if (colon < 0) {
                throw invalid(vector, "has a field without ':' (\"" + excerpt(vector, position, end) + "\")", position);
            }
            int metric = metricAt(vector, position, colon);
            if (metric < 0) {
                throw invalid(vector, "has an unknown metric \"" + excerpt(vector, position, colon) + "\"", position);
            }
            long bit = 1L << metric;
            if ((present & bit) != 0) {
                throw invalid(vector, "repeats metric " + names[metric], position);
            }
            if (specificationOrder && metric < previous) {
                throw invalid(vector, "has " + names[metric] + " after " + names[previous]
                        + " (CVSS " + label + " fixes the order of metrics)", position);
            }
            int value = valueAt(metric, vector, colon + 1, end);
            if (value < 0) {
                throw invalid(vector, "has an invalid value \"" + excerpt(vector, colon + 1, end) + "\" for "
                        + names[metric] + " (allowed: " + String.join(", ", values[metric]) + ")", colon + 1);
            }
            into[metric] = (byte) value;
            present |= bit;
            previous = metric;
            if (end == length) {
                break;
            }
            position = end + 1;
        }
        if ((present & mandatory) != mandatory) {
            StringBuilder missing = new StringBuilder();
            for (int metric = 0; metric < names.length; metric++) {
                if ((mandatory & (1L << metric)) != 0 && (present & (1L << metric)) == 0) {
                    missing.append(missing.isEmpty() ? "" : ", ").append(names[metric]);
                }
            }
            throw invalid(vector, "lacks mandatory metric(s) " + missing, -1);
        }
        return present;
    }

    private int metricAt(String vector, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 3) {
            return -1;
        }
        int key = pack(vector, from, to);
        if (key < 0) {
            return -1;
        }
        int slot = slot(key);
        while (tableKeys[slot] != 0) {
            if (tableKeys[slot] == key) {
                return tableMetrics[slot];
            }
            slot = (slot + 1) & (TABLE_SIZE - 1);
        }
        return -1;
    }

    private int valueAt(int metric, String vector, int from, int to) {
        int length = to - from;
        String[] allowed = values[metric];
        for (int index = 0; index < allowed.length; index++) {
            String candidate = allowed[index];
            if (candidate.length() == length && vector.regionMatches(from, candidate, 0, length)) {
                return index;
            }
        }
        return -1;
    }

    /** Packs up to three ASCII characters into one int, or -1 for anything else. */
    private static int pack(String text, int from, int to) {
        int key = 0;
        for (int index = from; index < to; index++) {
            char c = text.charAt(index);
            if (c == 0 || c > 127) {
                return -1;
            }
            key = (key << 7) | c;
        }
        return key;
    }

    private static int slot(int key) {
        return (key * 0x9E3779B1) >>> 25;
    }

    /** Appends "NAME:VALUE" for every metric in specification order whose value index is not 0 or is mandatory. */
    void appendDefined(StringBuilder out, byte[] metricValues) {
        for (int metric = 0; metric < names.length; metric++) {
            if (metricValues[metric] != 0 || (mandatory & (1L << metric)) != 0) {
                out.append('/').append(names[metric]).append(':').append(values[metric][metricValues[metric]]);
            }
        }
    }

    InvalidInputException invalid(String vector, String problem, int position) {
        return invalid(label, vector, problem, position);
    }

    static InvalidInputException invalid(String label, String vector, String problem, int position) {
        String where = position < 0 ? "" : " at position " + (position + 1);
        return new InvalidInputException("CVSS " + label + " vector \"" + excerpt(vector, 0, vector.length()) + "\" "
                + problem + where);
    }

    /** At most 80 characters of hostile input go into a message. */
    static String excerpt(String text, int from, int to) {
        return to - from > 80 ? text.substring(from, from + 77) + "..." : text.substring(from, to);
    }
}
